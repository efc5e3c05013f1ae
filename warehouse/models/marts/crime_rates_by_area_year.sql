-- The crime and anti-social behaviour rates of every district, Community Safety Partnership and police force
-- area, per financial year and crime type ('All recorded crime' sums the recorded crime types; anti-social
-- behaviour is its own row, never in it). The one place these rates are defined:
--   incidents_per_1000: incidents per 1,000 residents a year (macros/per_1000_a_year.sql: a partial year scaled to
--     twelve months), residents from the ONS estimate for the year the financial year starts in;
--   its 95% interval: Byar's approximation for a Poisson count, scaled as the rate is;
--   positive_outcome_rate: crimes with a positive outcome / crimes (recorded crime only), with a 95% Wilson interval.
-- Every area of a force area with data that year has a row for every crime type, zero counts included.
WITH crime_types AS (
    SELECT crime_type, is_recorded_crime, display_order FROM core.dim_crime_type WHERE crime_type_key <> 'unknown'
    UNION ALL
    SELECT 'All recorded crime', true, 0
),
areas AS (
    SELECT 'force_area' AS area_type, force_area.force_area_code AS area_code, force_area.force_area_name AS area_name,
           force_area.force_area_code, NULL AS assignment_rule
    FROM core.dim_force_area AS force_area
    UNION ALL
    SELECT 'partnership', partnership_code, partnership_name, force_area_code, split_rule
    FROM core.dim_partnership
    UNION ALL
    SELECT 'district', district_code, district_name, force_area_code, NULL
    FROM core.dim_district WHERE is_current
),
grid AS (
    SELECT areas.*, coverage.financial_year, coverage.months_covered, coverage.first_month, coverage.last_month,
           crime_types.crime_type, crime_types.is_recorded_crime, crime_types.display_order
    FROM areas
    JOIN intermediate.int_crime_coverage AS coverage ON coverage.force_area_code = areas.force_area_code
    CROSS JOIN crime_types
    WHERE areas.area_code <> 'UNKNOWN'
),
counts AS (
    SELECT area_type, area_code, financial_year, crime_type,
           sum(incidents) AS incidents, sum(positive_outcomes) AS positive_outcomes
    FROM intermediate.int_crime_by_area_month
    GROUP BY ALL
    UNION ALL
    SELECT area_type, area_code, financial_year, 'All recorded crime',
           sum(incidents), sum(positive_outcomes)
    FROM intermediate.int_crime_by_area_month
    WHERE is_recorded_crime
    GROUP BY ALL
),
joined AS (
    SELECT grid.*,
           CAST(coalesce(counts.incidents, 0) AS BIGINT) AS incidents,
           CAST(coalesce(counts.positive_outcomes, 0) AS BIGINT) AS positive_outcomes,
           population.population, population.estimate_source AS population_estimate,
           intermediate.per_1000_a_year(1, grid.months_covered, population.population) AS per_1000_a_year
    FROM grid
    LEFT JOIN counts USING (area_type, area_code, financial_year, crime_type)
    LEFT JOIN intermediate.int_area_population_by_year AS population USING (area_type, area_code, financial_year)
)
SELECT
    area_type,
    area_code,
    area_name,
    force_area_code,
    financial_year,
    months_covered,
    months_covered < 12 AS is_partial_year,
    first_month,
    last_month,
    crime_type,
    is_recorded_crime,
    display_order,
    incidents,
    positive_outcomes,
    population,
    population_estimate,
    round(incidents * per_1000_a_year, 2) AS incidents_per_1000,
    round(per_1000_a_year * CASE WHEN incidents = 0 THEN 0
          ELSE incidents * pow(1 - 1 / (9.0 * incidents) - 1.96 / (3 * sqrt(incidents)), 3) END, 2) AS incidents_per_1000_ci_low,
    round(per_1000_a_year * (incidents + 1) * pow(1 - 1 / (9.0 * (incidents + 1)) + 1.96 / (3 * sqrt(incidents + 1)), 3), 2) AS incidents_per_1000_ci_high,
    CASE WHEN is_recorded_crime AND incidents > 0 THEN round(positive_outcomes / incidents, 4) END AS positive_outcome_rate,
    CASE WHEN is_recorded_crime AND incidents > 0 THEN round(
        (positive_outcomes / incidents + 1.96 ^ 2 / (2 * incidents)
         - 1.96 * sqrt(positive_outcomes / incidents * (1 - positive_outcomes / incidents) / incidents + 1.96 ^ 2 / (4 * incidents ^ 2)))
        / (1 + 1.96 ^ 2 / incidents), 4) END AS positive_outcome_rate_ci_low,
    CASE WHEN is_recorded_crime AND incidents > 0 THEN round(
        (positive_outcomes / incidents + 1.96 ^ 2 / (2 * incidents)
         + 1.96 * sqrt(positive_outcomes / incidents * (1 - positive_outcomes / incidents) / incidents + 1.96 ^ 2 / (4 * incidents ^ 2)))
        / (1 + 1.96 ^ 2 / incidents), 4) END AS positive_outcome_rate_ci_high,
    incidents < 10 AS is_small_count,
    assignment_rule
FROM joined
ORDER BY area_type, area_code, financial_year, display_order, crime_type
