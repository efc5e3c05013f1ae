-- Recorded crime (anti-social behaviour apart) and positive outcomes of each district and financial year, as
-- published by the district's own force (intermediate.int_crime_by_area_month), for every district of a force
-- area with data that year (zero counts kept).
WITH districts AS (
    SELECT coverage.force_area_code, coverage.financial_year, coverage.months_covered, district.district_code
    FROM intermediate.int_crime_coverage AS coverage
    JOIN core.dim_district AS district ON district.force_area_code = coverage.force_area_code AND district.is_current
),
counts AS (
    SELECT force_area_code, financial_year, area_code AS district_code,
           sum(incidents) FILTER (WHERE is_recorded_crime) AS recorded_crimes,
           sum(positive_outcomes) FILTER (WHERE is_recorded_crime) AS positive_outcomes,
           sum(incidents) FILTER (WHERE NOT is_recorded_crime) AS anti_social_behaviour
    FROM intermediate.int_crime_by_area_month
    WHERE area_type = 'district'
    GROUP BY ALL
)
SELECT
    districts.financial_year,
    districts.force_area_code,
    districts.district_code,
    districts.months_covered,
    CAST(coalesce(counts.recorded_crimes, 0) AS BIGINT) AS recorded_crimes,
    CAST(coalesce(counts.positive_outcomes, 0) AS BIGINT) AS positive_outcomes,
    CAST(coalesce(counts.anti_social_behaviour, 0) AS BIGINT) AS anti_social_behaviour
FROM districts
LEFT JOIN counts USING (force_area_code, financial_year, district_code)
