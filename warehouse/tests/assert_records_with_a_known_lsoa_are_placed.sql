-- model: core.fct_crime_records
-- A record whose LSOA code is in a loaded ONS lookup is never counted under the UNKNOWN district: only records
-- with no usable location are. After an incremental build, the records it made.
SELECT records.record_key, records.published_lsoa_code
FROM core.fct_crime_records AS records
JOIN intermediate.int_lsoa_districts AS lsoas ON lsoas.lsoa_code = records.published_lsoa_code
WHERE records.geography_key = 'UNKNOWN' AND intermediate.in_crime_scope(records.crime_id, records.source_file_id)
