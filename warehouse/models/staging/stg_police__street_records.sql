-- Renames and casts the street rows of every file still current (a republished month's old file is superseded).
SELECT
    street.file_id,
    street.line_number,
    files.force_slug,
    street.crime_id,
    CAST(strptime(street.month, '%Y-%m') AS DATE) AS month,
    street.falls_within AS force_name_published,
    TRY_CAST(street.longitude AS DOUBLE) AS longitude,
    TRY_CAST(street.latitude AS DOUBLE) AS latitude,
    street.location,
    upper(trim(street.lsoa_code)) AS lsoa_code,
    street.lsoa_name,
    street.crime_type,
    street.last_outcome_category
FROM raw.police_street AS street
JOIN meta.source_files AS files ON files.file_id = street.file_id
WHERE files.status = 'loaded'
