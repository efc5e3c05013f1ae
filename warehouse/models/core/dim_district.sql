-- Districts as a type 2 slowly changing dimension: one row per district and name it has carried, with
-- valid_from <= t < valid_to. Names without a recorded change are valid for all time.
WITH renamed AS (
    SELECT district_code, district_name, CAST(valid_from AS DATE) AS valid_from, CAST(valid_to AS DATE) AS valid_to
    FROM seeds.district_renames
),
versions AS (
    SELECT district_code, district_name, valid_from, valid_to FROM renamed
    UNION ALL
    SELECT district_code, district_name, DATE '1900-01-01', DATE '9999-12-31'
    FROM intermediate.int_districts_current
    WHERE district_code NOT IN (SELECT district_code FROM renamed)
)
SELECT
    versions.district_code || '@' || strftime(versions.valid_from, '%Y-%m-%d') AS district_key,
    versions.district_code,
    versions.district_name,
    coalesce(current.partnership_code, 'UNKNOWN') AS partnership_code,
    coalesce(current.partnership_name, 'Unknown partnership') AS partnership_name,
    coalesce(current.force_area_code, 'UNKNOWN') AS force_area_code,
    coalesce(current.force_area_name, 'Unknown force area') AS force_area_name,
    versions.valid_from,
    versions.valid_to,
    versions.valid_to = DATE '9999-12-31' AS is_current
FROM versions
LEFT JOIN intermediate.int_districts_current AS current ON current.district_code = versions.district_code
UNION ALL
SELECT 'UNKNOWN@1900-01-01', 'UNKNOWN', 'Unknown location', 'UNKNOWN', 'Unknown partnership',
       'UNKNOWN', 'Unknown force area', DATE '1900-01-01', DATE '9999-12-31', true
