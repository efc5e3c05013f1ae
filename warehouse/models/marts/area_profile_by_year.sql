-- What the peers page, the value-for-money page and the notebooks set side by side for every district,
-- Community Safety Partnership and police force area, per financial year: recorded crime, anti-social behaviour
-- and positive outcomes with their rates and intervals (taken from marts.crime_rates_by_area_year, never
-- recomputed), and spend per 1,000 residents where funding returns are loaded. A partnership's spend is its
-- districts' spend, a split district counting with its share of residents; a force area's, its districts'.
WITH crime AS (
    SELECT * FROM marts.crime_rates_by_area_year WHERE crime_type = 'All recorded crime'
),
asb AS (
    SELECT * FROM marts.crime_rates_by_area_year WHERE crime_type = 'Anti-social behaviour'
),
district_spend AS (
    SELECT financial_year, district_code, sum(spent) AS spent, sum(allocated) AS allocated
    FROM intermediate.int_funding_lines_apportioned
    GROUP BY ALL
),
spend AS (
    SELECT 'district' AS area_type, district_code AS area_code, financial_year,
           CAST(spent AS DECIMAL(18, 2)) AS spent, CAST(allocated AS DECIMAL(18, 2)) AS allocated
    FROM district_spend
    UNION ALL
    SELECT 'partnership', bridge.partnership_code, spend.financial_year,
           CAST(sum(spend.spent * bridge.population_share) AS DECIMAL(18, 2)),
           CAST(sum(spend.allocated * bridge.population_share) AS DECIMAL(18, 2))
    FROM district_spend AS spend
    JOIN intermediate.int_district_partnerships AS bridge ON bridge.district_code = spend.district_code
    GROUP BY ALL
    UNION ALL
    SELECT 'force_area', district.force_area_code, spend.financial_year,
           CAST(sum(spend.spent) AS DECIMAL(18, 2)), CAST(sum(spend.allocated) AS DECIMAL(18, 2))
    FROM district_spend AS spend
    JOIN core.dim_district AS district ON district.district_code = spend.district_code AND district.is_current
    GROUP BY ALL
),
area_years AS (
    SELECT area_type, area_code, financial_year FROM crime
    UNION
    SELECT area_type, area_code, financial_year FROM spend
),
names AS (
    SELECT 'force_area' AS area_type, force_area_code AS area_code, force_area_name AS area_name, force_area_code, NULL AS assignment_rule
    FROM core.dim_force_area
    UNION ALL
    SELECT 'partnership', partnership_code, partnership_name, force_area_code, split_rule FROM core.dim_partnership
    UNION ALL
    SELECT 'district', district_code, district_name, force_area_code, NULL FROM core.dim_district WHERE is_current
)
SELECT
    area_years.area_type,
    area_years.area_code,
    names.area_name,
    names.force_area_code,
    area_years.financial_year,
    coalesce(crime.months_covered, 0) AS months_covered,
    coalesce(crime.is_partial_year, false) AS is_partial_year,
    population.population,
    population.estimate_source AS population_estimate,
    crime.incidents AS recorded_crimes,
    crime.incidents_per_1000 AS recorded_crimes_per_1000,
    crime.incidents_per_1000_ci_low AS recorded_crimes_per_1000_ci_low,
    crime.incidents_per_1000_ci_high AS recorded_crimes_per_1000_ci_high,
    crime.positive_outcomes,
    crime.positive_outcome_rate,
    crime.positive_outcome_rate_ci_low,
    crime.positive_outcome_rate_ci_high,
    asb.incidents AS anti_social_behaviour,
    asb.incidents_per_1000 AS anti_social_behaviour_per_1000,
    asb.incidents_per_1000_ci_low AS anti_social_behaviour_per_1000_ci_low,
    asb.incidents_per_1000_ci_high AS anti_social_behaviour_per_1000_ci_high,
    spend.spent IS NOT NULL AS has_spend,
    spend.allocated,
    spend.spent,
    round(CAST(spend.spent AS DOUBLE) * 1000 / nullif(population.population, 0), 2) AS spend_per_1000_population,
    -- A year's spend over a year's crimes: a part year's counts are scaled to twelve months first, so that part of a
    -- year's crimes is never set against a whole year's spend.
    round(spend.spent / nullif(crime.incidents * 12.0 / nullif(crime.months_covered, 0), 0), 2) AS spend_per_crime,
    round(spend.spent / nullif(crime.positive_outcomes * 12.0 / nullif(crime.months_covered, 0), 0), 2) AS spend_per_positive_outcome,
    names.assignment_rule
FROM area_years
JOIN names USING (area_type, area_code)
LEFT JOIN crime USING (area_type, area_code, financial_year)
LEFT JOIN asb USING (area_type, area_code, financial_year)
LEFT JOIN spend USING (area_type, area_code, financial_year)
LEFT JOIN intermediate.int_area_population_by_year AS population USING (area_type, area_code, financial_year)
WHERE area_years.area_code <> 'UNKNOWN'
ORDER BY area_years.area_type, area_years.area_code, area_years.financial_year
