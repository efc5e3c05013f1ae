-- One row per outcome event in the outcomes files, joined to its crime by Crime ID where that crime is loaded.
SELECT
    events.file_id || ':' || events.line_number AS outcome_event_key,
    events.crime_id,
    intermediate.crime_hash(events.crime_id) AS crime_hash,
    coalesce(forces.force_key, 'unknown') AS force_key,
    year(events.month) * 100 + month(events.month) AS month_key,
    coalesce(geography.geography_key, 'UNKNOWN') AS geography_key,
    coalesce(outcomes.outcome_key, 'unknown') AS outcome_key,
    crimes.record_key AS crime_record_key,
    events.file_id AS source_file_id,
    events.line_number AS source_line_number
FROM staging.stg_police__outcome_events AS events
LEFT JOIN core.dim_force AS forces ON forces.force_key = events.force_slug
LEFT JOIN core.dim_geography AS geography ON geography.geography_key = events.lsoa_code
LEFT JOIN core.dim_outcome AS outcomes ON outcomes.outcome_wording = events.outcome_type
LEFT JOIN (
    SELECT crime_id, min(record_key) AS record_key
    FROM core.fct_crime_records
    WHERE crime_id IS NOT NULL AND intermediate.in_crime_scope(crime_id, source_file_id)
    GROUP BY crime_id
) AS crimes ON crimes.crime_id = events.crime_id
WHERE intermediate.in_crime_scope(events.crime_id, events.file_id)
