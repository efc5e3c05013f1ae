-- Police forces as data.police.uk names them, with the ONS police force area they serve.
SELECT
    forces.force_slug AS force_key,
    forces.force_name,
    coalesce(areas.area_code, 'UNKNOWN') AS force_area_code,
    coalesce(forces.force_area_name, 'Unknown force area') AS force_area_name
FROM seeds.police_forces AS forces
LEFT JOIN (
    SELECT area_name, any_value(area_code) AS area_code
    FROM staging.stg_ons__area_names
    WHERE area_type = 'force_area'
    GROUP BY area_name
) AS areas ON areas.area_name = forces.force_area_name
UNION ALL
SELECT 'unknown', 'Unknown force', 'UNKNOWN', 'Unknown force area'
