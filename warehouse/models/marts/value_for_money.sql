-- What money buys, per financial year and district. Rates, their intervals and the cost per crime and per positive
-- outcome (a part year's crimes scaled to twelve months first) come from marts.area_profile_by_year.
WITH districts AS (
    SELECT * FROM marts.area_profile_by_year WHERE area_type = 'district'
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
    spend_per_crime,
    spend_per_positive_outcome,
    recorded_crimes_per_1000 AS crimes_per_1000_population,
    recorded_crimes_per_1000_ci_low AS crimes_per_1000_ci_low,
    recorded_crimes_per_1000_ci_high AS crimes_per_1000_ci_high
FROM districts
ORDER BY financial_year, district_code
