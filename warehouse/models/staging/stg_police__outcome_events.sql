-- Renames and casts the outcome events of every current outcomes file.
SELECT
    outcomes.file_id,
    outcomes.line_number,
    files.force_slug,
    outcomes.crime_id,
    CAST(strptime(outcomes.month, '%Y-%m') AS DATE) AS month,
    TRY_CAST(outcomes.longitude AS DOUBLE) AS longitude,
    TRY_CAST(outcomes.latitude AS DOUBLE) AS latitude,
    outcomes.location,
    upper(trim(outcomes.lsoa_code)) AS lsoa_code,
    outcomes.outcome_type
FROM raw.police_outcomes AS outcomes
JOIN meta.source_files AS files ON files.file_id = outcomes.file_id
WHERE files.status = 'loaded'
