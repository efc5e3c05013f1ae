-- Names of partnerships and police force areas from the current ONS names and codes files.
SELECT
    names.file_id,
    names.area_type,
    upper(trim(names.area_code)) AS area_code,
    names.area_name,
    names.area_name_welsh
FROM raw.ons_area_names AS names
JOIN meta.source_files AS files ON files.file_id = names.file_id
WHERE files.status = 'loaded'
