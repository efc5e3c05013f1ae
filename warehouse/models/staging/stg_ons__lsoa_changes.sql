-- Pairs of 2011 and 2021 LSOAs with the district they lie in, from every current ONS exact-fit lookup.
SELECT
    changes.file_id,
    changes.line_number,
    upper(trim(changes.lsoa11_code)) AS lsoa11_code,
    changes.lsoa11_name,
    upper(trim(changes.lsoa21_code)) AS lsoa21_code,
    changes.lsoa21_name,
    upper(trim(changes.change_indicator)) AS change_indicator,
    upper(trim(changes.district_code)) AS district_code,
    changes.district_name
FROM raw.ons_lsoa_changes AS changes
JOIN meta.source_files AS files ON files.file_id = changes.file_id
WHERE files.status = 'loaded'
