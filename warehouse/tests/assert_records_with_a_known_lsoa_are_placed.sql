-- model: core.fct_crime_records
-- A record whose LSOA code is in a loaded ONS lookup is never counted under the UNKNOWN district: only records
-- with no usable location are.
SELECT records.record_key, records.published_lsoa_code
FROM core.fct_crime_records AS records
JOIN intermediate.int_lsoa_districts AS lsoas ON lsoas.lsoa_code = records.published_lsoa_code
WHERE records.geography_key = 'UNKNOWN'
