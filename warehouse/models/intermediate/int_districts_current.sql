-- Today's districts with their partnership and police force area. Names come from the code history
-- (current names); partnership and force area from the newest district-CSP-PFA lookup. A district that
-- lies in several partnerships (East Suffolk in 2019) takes the lowest partnership code and says so.
WITH current_codes AS (
    SELECT mapped.active_code AS district_code, any_value(codes.active_name) AS district_name
    FROM staging.stg_ons__district_codes AS codes
    JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = codes.district_code
    GROUP BY mapped.active_code
),
hierarchy AS (
    SELECT coalesce(mapped.active_code, h.district_code) AS district_code,
           h.district_name, h.partnership_code, h.partnership_name, h.force_area_code, h.force_area_name,
           count(*) OVER (PARTITION BY h.file_id, coalesce(mapped.active_code, h.district_code)) AS partnerships,
           -- newest lookup first; a district in several partnerships takes the lowest partnership code
           row_number() OVER (PARTITION BY coalesce(mapped.active_code, h.district_code)
                              ORDER BY h.file_id DESC, h.partnership_code) AS newest
    FROM staging.stg_ons__district_hierarchy AS h
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = h.district_code
),
lsoa_districts AS (
    SELECT DISTINCT coalesce(mapped.active_code, l.district_code) AS district_code, l.district_name
    FROM staging.stg_ons__lsoa_lookup AS l
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = l.district_code
),
all_codes AS (
    SELECT district_code FROM current_codes
    UNION SELECT district_code FROM hierarchy
    UNION SELECT district_code FROM lsoa_districts
),
partnership_names AS (
    SELECT area_code, any_value(area_name) AS area_name FROM staging.stg_ons__area_names
    WHERE area_type = 'partnership' GROUP BY area_code
),
force_area_names AS (
    SELECT area_code, any_value(area_name) AS area_name FROM staging.stg_ons__area_names
    WHERE area_type = 'force_area' GROUP BY area_code
)
SELECT
    all_codes.district_code,
    coalesce(current_codes.district_name,
             (SELECT any_value(l.district_name) FROM lsoa_districts AS l WHERE l.district_code = all_codes.district_code),
             hierarchy.district_name) AS district_name,
    hierarchy.partnership_code,
    coalesce(partnership_names.area_name, hierarchy.partnership_name) AS partnership_name,
    hierarchy.force_area_code,
    coalesce(force_area_names.area_name, hierarchy.force_area_name) AS force_area_name,
    coalesce(hierarchy.partnerships, 0) > 1 AS in_several_partnerships
FROM all_codes
LEFT JOIN current_codes ON current_codes.district_code = all_codes.district_code
LEFT JOIN hierarchy ON hierarchy.district_code = all_codes.district_code AND hierarchy.newest = 1
LEFT JOIN partnership_names ON partnership_names.area_code = hierarchy.partnership_code
LEFT JOIN force_area_names ON force_area_names.area_code = hierarchy.force_area_code
