-- Police forces as data.police.uk names them (warehouse/seeds/police_forces.csv), with the ONS police force area
-- they serve; the area's name comes from the newest ONS lookup where loaded.
SELECT
    forces.force_slug AS force_key,
    forces.force_name,
    coalesce(forces.force_area_code, 'UNKNOWN') AS force_area_code,
    coalesce(areas.force_area_name, forces.force_area_name, 'Unknown force area') AS force_area_name
FROM seeds.police_forces AS forces
LEFT JOIN (SELECT force_area_code, any_value(force_area_name) AS force_area_name
           FROM intermediate.int_districts_current GROUP BY force_area_code) AS areas
       ON areas.force_area_code = forces.force_area_code
UNION ALL
SELECT 'unknown', 'Unknown force', 'UNKNOWN', 'Unknown force area'
