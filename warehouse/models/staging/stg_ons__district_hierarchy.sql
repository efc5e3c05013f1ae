-- District to Community Safety Partnership to police force area, from the current ONS lookups.
SELECT
    hierarchy.file_id,
    upper(trim(hierarchy.district_code)) AS district_code,
    hierarchy.district_name,
    upper(trim(hierarchy.partnership_code)) AS partnership_code,
    hierarchy.partnership_name,
    upper(trim(hierarchy.force_area_code)) AS force_area_code,
    hierarchy.force_area_name
FROM raw.ons_district_hierarchy AS hierarchy
JOIN meta.source_files AS files ON files.file_id = hierarchy.file_id
WHERE files.status = 'loaded'
