-- A generated calendar of months with the UK financial year (April to March, written 2025/26) and
-- financial quarter (Q1 = April to June). Runs from data.police.uk's first year to five years ahead.
WITH months AS (
    SELECT CAST(unnest(generate_series(DATE '2010-01-01',
                                       CAST(date_trunc('year', current_date) + INTERVAL 6 YEAR - INTERVAL 1 MONTH AS DATE),
                                       INTERVAL 1 MONTH)) AS DATE) AS month
),
with_year AS (
    SELECT month,
           CASE WHEN month(month) >= 4 THEN year(month) ELSE year(month) - 1 END AS financial_year_start
    FROM months
)
SELECT
    year(month) * 100 + month(month) AS month_key,
    month,
    strftime(month, '%Y-%m') AS month_code,
    strftime(month, '%B %Y') AS month_name,
    year(month) AS calendar_year,
    month(month) AS calendar_month,
    financial_year_start,
    financial_year_start || '/' || lpad(CAST((financial_year_start + 1) % 100 AS VARCHAR), 2, '0') AS financial_year,
    'Q' || ((month(month) + 8) % 12 // 3 + 1) AS financial_quarter,
    (month(month) + 8) % 12 + 1 AS month_of_financial_year
FROM with_year
UNION ALL
SELECT -1, NULL, 'unknown', 'Unknown month', NULL, NULL, NULL, 'Unknown', 'Unknown', NULL
