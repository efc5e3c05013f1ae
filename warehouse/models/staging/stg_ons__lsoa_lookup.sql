-- LSOA to district rows from every current ONS lookup, 2011 and 2021 LSOAs alike.
SELECT
    lookup.file_id,
    lookup.lsoa_vintage,
    upper(trim(lookup.lsoa_code)) AS lsoa_code,
    lookup.lsoa_name,
    upper(trim(lookup.district_code)) AS district_code,
    lookup.district_name
FROM raw.ons_lsoa_lookup AS lookup
JOIN meta.source_files AS files ON files.file_id = lookup.file_id
WHERE files.status = 'loaded'
