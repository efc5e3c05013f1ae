-- Recorded crime (anti-social behaviour apart) and positive outcomes of each district and financial year, as
-- published by the district's own force, for every district of a force area with data that year (zero counts kept).
WITH districts AS (
    SELECT coverage.force_area_code, coverage.financial_year, coverage.months_covered, district.district_code
    FROM intermediate.int_crime_coverage AS coverage
    JOIN core.dim_district AS district ON district.force_area_code = coverage.force_area_code AND district.is_current
),
counts AS (
    SELECT records.force_area_code, month.financial_year, records.district_code,
           count(DISTINCT records.incident_id) FILTER (WHERE records.is_recorded_crime) AS recorded_crimes,
           count(DISTINCT records.incident_id) FILTER (WHERE records.is_recorded_crime AND records.has_positive_outcome) AS positive_outcomes,
           count(DISTINCT records.incident_id) FILTER (WHERE NOT records.is_recorded_crime) AS anti_social_behaviour
    FROM intermediate.int_crime_records_classified AS records
    JOIN core.dim_month AS month ON month.month_key = records.month_key
    GROUP BY ALL
)
SELECT
    districts.financial_year,
    districts.force_area_code,
    districts.district_code,
    districts.months_covered,
    coalesce(counts.recorded_crimes, 0) AS recorded_crimes,
    coalesce(counts.positive_outcomes, 0) AS positive_outcomes,
    coalesce(counts.anti_social_behaviour, 0) AS anti_social_behaviour
FROM districts
LEFT JOIN counts USING (force_area_code, financial_year, district_code)
