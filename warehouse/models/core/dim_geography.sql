-- One row per LSOA, 2021 codes preferred over 2011 where both are known, rolled up to today's district,
-- partnership and force area. Records with a blank or unknown LSOA point at the UNKNOWN member.
WITH lsoas AS (
    SELECT lookup.lsoa_code, lookup.lsoa_name, lookup.lsoa_vintage,
           coalesce(mapped.active_code, lookup.district_code) AS district_code,
           row_number() OVER (PARTITION BY lookup.lsoa_code ORDER BY lookup.lsoa_vintage DESC, lookup.file_id DESC) AS preference
    FROM staging.stg_ons__lsoa_lookup AS lookup
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = lookup.district_code
)
SELECT
    lsoas.lsoa_code AS geography_key,
    lsoas.lsoa_code,
    lsoas.lsoa_name,
    lsoas.lsoa_vintage,
    district.district_code,
    district.district_name,
    district.partnership_code,
    district.partnership_name,
    district.force_area_code,
    district.force_area_name
FROM lsoas
JOIN core.dim_district AS district ON district.district_code = lsoas.district_code AND district.is_current
WHERE lsoas.preference = 1
UNION ALL
SELECT 'UNKNOWN', NULL, 'Unknown location', NULL, 'UNKNOWN', 'Unknown location',
       'UNKNOWN', 'Unknown partnership', 'UNKNOWN', 'Unknown force area'
