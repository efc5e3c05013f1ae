-- Crime and anti-social behaviour by force, district, month and crime type.
-- incidents: a crime is one Crime ID, counted once; ASB rows have no ID and each is its own incident.
-- positive_outcomes: crimes whose last published outcome, or any outcome event for the same Crime ID, is positive.
WITH positive_by_event AS (
    SELECT DISTINCT events.crime_id
    FROM core.fct_outcome_events AS events
    JOIN core.dim_outcome AS outcome ON outcome.outcome_key = events.outcome_key
    WHERE outcome.is_positive
),
records AS (
    SELECT
        records.force_key,
        records.geography_key,
        records.month_key,
        records.crime_type_key,
        coalesce(records.crime_id, records.record_key) AS incident_id,
        last_outcome.is_positive OR positive_by_event.crime_id IS NOT NULL AS has_positive_outcome
    FROM core.fct_crime_records AS records
    JOIN core.dim_outcome AS last_outcome ON last_outcome.outcome_key = records.last_outcome_key
    LEFT JOIN positive_by_event ON positive_by_event.crime_id = records.crime_id
)
SELECT
    force.force_area_code AS force_code,
    force.force_name,
    geography.district_code,
    coalesce(district.district_name, geography.district_name) AS district_name,
    month.month,
    month.financial_year,
    crime_type.crime_type,
    count(DISTINCT records.incident_id) AS incidents,
    count(DISTINCT records.incident_id) FILTER (WHERE records.has_positive_outcome) AS positive_outcomes
FROM records
JOIN core.dim_force AS force ON force.force_key = records.force_key
JOIN core.dim_geography AS geography ON geography.geography_key = records.geography_key
JOIN core.dim_month AS month ON month.month_key = records.month_key
JOIN core.dim_crime_type AS crime_type ON crime_type.crime_type_key = records.crime_type_key
LEFT JOIN core.dim_district AS district
    ON district.district_code = geography.district_code
   AND district.valid_from <= month.month AND month.month < district.valid_to
GROUP BY ALL
ORDER BY force_code, district_code, month, crime_type
