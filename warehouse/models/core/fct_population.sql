-- District populations from the ONS mid-year estimates; other geography levels (country, region, county)
-- are kept in raw and staging but are not districts. Older district codes are mapped to today's.
WITH districts AS (
    SELECT estimates.file_id, estimates.estimate_year,
           coalesce(mapped.active_code, estimates.area_code) AS district_code,
           estimates.population,
           row_number() OVER (PARTITION BY estimates.estimate_year, coalesce(mapped.active_code, estimates.area_code)
                              ORDER BY estimates.file_id DESC) AS newest
    FROM staging.stg_ons__population AS estimates
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = estimates.area_code
    WHERE estimates.geography IN ('Non-metropolitan District', 'Unitary Authority', 'Metropolitan District', 'London Borough')
      AND (estimates.area_code LIKE 'E0%' OR estimates.area_code LIKE 'W06%')
)
SELECT
    districts.district_code,
    districts.estimate_year,
    districts.population,
    'ONS mid-' || districts.estimate_year || ' population estimate' AS estimate_source,
    districts.file_id AS source_file_id
FROM districts
WHERE districts.newest = 1
