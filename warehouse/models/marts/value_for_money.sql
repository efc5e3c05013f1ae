-- What money buys, per financial year and district. In a year with fewer than twelve months of crime data,
-- crime counts are scaled to a full year before a year's spend is divided by them (and the rate with its
-- interval is per year), so that part of a year's crimes is never set against a whole year's spend.
WITH spend AS (
    SELECT financial_year, district_code, sum(spent) AS spent
    FROM intermediate.int_funding_lines_apportioned
    GROUP BY ALL
),
years AS (
    SELECT financial_year, district_code FROM intermediate.int_crime_by_district_year
    UNION
    SELECT financial_year, district_code FROM spend
),
joined AS (
    SELECT years.financial_year, years.district_code, district.district_name,
           coalesce(crime.months_covered, 0) AS months_covered,
           population.population, population.estimate_source AS population_estimate,
           crime.recorded_crimes, crime.positive_outcomes,
           coalesce(spend.spent, 0) AS spent,
           12.0 / nullif(crime.months_covered, 0) AS to_full_year
    FROM years
    JOIN core.dim_district AS district ON district.district_code = years.district_code AND district.is_current
    LEFT JOIN intermediate.int_crime_by_district_year AS crime
           ON crime.financial_year = years.financial_year AND crime.district_code = years.district_code
    LEFT JOIN intermediate.int_population_by_financial_year AS population
           ON population.financial_year = years.financial_year AND population.district_code = years.district_code
    LEFT JOIN spend ON spend.financial_year = years.financial_year AND spend.district_code = years.district_code
)
SELECT
    financial_year,
    district_code,
    district_name,
    months_covered,
    months_covered BETWEEN 1 AND 11 AS is_partial_year,
    population,
    population_estimate,
    recorded_crimes,
    positive_outcomes,
    spent,
    round(spent * 1000 / nullif(population, 0), 2) AS spend_per_1000_population,
    round(spent / nullif(recorded_crimes * to_full_year, 0), 2) AS spend_per_crime,
    round(spent / nullif(positive_outcomes * to_full_year, 0), 2) AS spend_per_positive_outcome,
    round(1000.0 * recorded_crimes * to_full_year / nullif(population, 0), 1) AS crimes_per_1000_population,
    -- 95% interval for a Poisson count by Byar's approximation, scaled as the rate is.
    round(1000.0 * to_full_year / nullif(population, 0) *
          CASE WHEN recorded_crimes = 0 THEN 0
               ELSE recorded_crimes * pow(1 - 1 / (9.0 * recorded_crimes) - 1.96 / (3 * sqrt(recorded_crimes)), 3) END, 1) AS crimes_per_1000_ci_low,
    round(1000.0 * to_full_year / nullif(population, 0) *
          (recorded_crimes + 1) * pow(1 - 1 / (9.0 * (recorded_crimes + 1)) + 1.96 / (3 * sqrt(recorded_crimes + 1)), 3), 1) AS crimes_per_1000_ci_high
FROM joined
ORDER BY financial_year, district_code
