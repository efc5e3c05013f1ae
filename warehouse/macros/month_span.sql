-- Months in words, as a status rule names the periods it compares: "April 2024", "January to March 2024",
-- "April 2024 to March 2025"; where fewer months are loaded than the span holds, how many of them.
CREATE OR REPLACE MACRO intermediate.month_span(first_month, last_month, months) AS
    CASE WHEN first_month = last_month THEN strftime(first_month, '%B %Y')
         WHEN year(first_month) = year(last_month) THEN strftime(first_month, '%B') || ' to ' || strftime(last_month, '%B %Y')
         ELSE strftime(first_month, '%B %Y') || ' to ' || strftime(last_month, '%B %Y') END
    || CASE WHEN months < date_diff('month', first_month, last_month) + 1 THEN ', ' || months || ' months of it' ELSE '' END;
