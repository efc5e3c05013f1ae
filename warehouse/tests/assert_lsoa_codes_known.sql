-- model: core.fct_crime_records
-- severity: warn
-- LSOA codes in police records that no loaded ONS lookup knows: their records count under UNKNOWN until a lookup
-- that lists them is loaded.
SELECT published_lsoa_code, count(*) AS records
FROM core.fct_crime_records
WHERE published_lsoa_code IS NOT NULL AND geography_key = 'UNKNOWN'
GROUP BY published_lsoa_code
