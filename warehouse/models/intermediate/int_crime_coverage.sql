-- Which months of each financial year each police force area has data for.
SELECT
    records.force_area_code,
    month.financial_year,
    count(DISTINCT month.month_key) AS months_covered,
    min(month.month) AS first_month,
    max(month.month) AS last_month
FROM intermediate.int_crime_by_area_month AS records -- a force area's rows: a month with any of its records
JOIN core.dim_month AS month ON month.month_key = records.month_key
WHERE records.area_type = 'force_area'
GROUP BY ALL
