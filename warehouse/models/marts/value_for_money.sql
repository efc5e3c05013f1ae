-- What money buys, per financial year and district. In a year with fewer than twelve months of crime data,
-- crime counts are scaled to a full year before a year's spend is divided by them, so that part of a year's
-- crimes is never set against a whole year's spend. Rates and their intervals come from marts.area_profile_by_year.
WITH districts AS (
    SELECT *, 12.0 / nullif(months_covered, 0) AS to_full_year
    FROM marts.area_profile_by_year
    WHERE area_type = 'district'
)
SELECT
    financial_year,
    area_code AS district_code,
    area_name AS district_name,
    force_area_code,
    months_covered,
    is_partial_year,
    population,
    population_estimate,
    recorded_crimes,
    positive_outcomes,
    coalesce(spent, 0) AS spent,
    spend_per_1000_population,
    round(spent / nullif(recorded_crimes * to_full_year, 0), 2) AS spend_per_crime,
    round(spent / nullif(positive_outcomes * to_full_year, 0), 2) AS spend_per_positive_outcome,
    recorded_crimes_per_1000 AS crimes_per_1000_population,
    recorded_crimes_per_1000_ci_low AS crimes_per_1000_ci_low,
    recorded_crimes_per_1000_ci_high AS crimes_per_1000_ci_high
FROM districts
ORDER BY financial_year, district_code
