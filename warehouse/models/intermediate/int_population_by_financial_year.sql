-- The population each financial year's rates use: the ONS mid-year estimate for the year the financial year
-- starts in (mid-2025 for 2025/26); failing that the latest earlier estimate, failing that the earliest later one.
WITH years AS (
    SELECT DISTINCT financial_year, financial_year_start FROM core.dim_month WHERE month_key > 0
),
candidates AS (
    SELECT years.financial_year, estimates.district_code, estimates.estimate_year, estimates.population, estimates.estimate_source,
           row_number() OVER (
               PARTITION BY years.financial_year, estimates.district_code
               ORDER BY estimates.estimate_year > years.financial_year_start,
                        abs(estimates.estimate_year - years.financial_year_start)) AS preference
    FROM years
    CROSS JOIN core.fct_population AS estimates
)
SELECT financial_year, district_code, estimate_year, population, estimate_source
FROM candidates
WHERE preference = 1
