-- One row per counted street record: a crime (one row per force and Crime ID, the row that
-- intermediate.int_street_records_ranked picks; the others are in marts.crime_records_set_aside) or an
-- anti-social behaviour incident (no ID; identical rows are separate incidents and all are kept). Every street
-- row counts unless the ranking, which holds only the rows of repeated Crime IDs, set it aside.
SELECT
    records.file_id || ':' || records.line_number AS record_key,
    records.crime_id,
    intermediate.crime_hash(records.crime_id) AS crime_hash,
    coalesce(forces.force_key, 'unknown') AS force_key,
    year(records.month) * 100 + month(records.month) AS month_key,
    coalesce(geography.geography_key, 'UNKNOWN') AS geography_key,
    coalesce(types.crime_type_key, 'unknown') AS crime_type_key,
    CASE WHEN records.last_outcome_category IS NULL THEN 'none'
         ELSE coalesce(outcomes.outcome_key, 'unknown') END AS last_outcome_key,
    NOT coalesce(types.is_recorded_crime, true) AS is_anti_social_behaviour,
    records.lsoa_code AS published_lsoa_code,
    records.location,
    records.longitude,
    records.latitude,
    records.file_id AS source_file_id,
    records.line_number AS source_line_number
FROM staging.stg_police__street_records AS records
LEFT JOIN intermediate.int_street_records_ranked AS ranked
    ON ranked.file_id = records.file_id AND ranked.line_number = records.line_number
LEFT JOIN core.dim_force AS forces ON forces.force_key = records.force_slug
LEFT JOIN core.dim_geography AS geography ON geography.geography_key = records.lsoa_code
LEFT JOIN core.dim_crime_type AS types ON types.crime_type = records.crime_type
LEFT JOIN core.dim_outcome AS outcomes ON outcomes.outcome_wording = records.last_outcome_category
WHERE intermediate.in_crime_scope(records.crime_id, records.file_id) AND coalesce(ranked.is_counted, true)
