-- Police force areas (E23, W15): every area a data.police.uk force serves (warehouse/seeds/police_forces.csv) and
-- every area of the newest ONS lookup, with the lookup's name where loaded, the force that serves it, and how many
-- districts it has.
WITH from_lookup AS (
    SELECT force_area_code, any_value(force_area_name) AS force_area_name, count(DISTINCT district_code) AS districts
    FROM core.dim_district
    WHERE is_current AND force_area_code <> 'UNKNOWN'
    GROUP BY force_area_code
),
from_seed AS (
    SELECT force_area_code, any_value(force_area_name) AS force_area_name, any_value(force_slug) AS force_slug,
           any_value(force_name) AS force_name
    FROM seeds.police_forces
    WHERE force_area_code IS NOT NULL
    GROUP BY force_area_code
)
SELECT
    coalesce(from_lookup.force_area_code, from_seed.force_area_code) AS force_area_code,
    coalesce(from_lookup.force_area_name, from_seed.force_area_name) AS force_area_name,
    from_seed.force_slug,
    from_seed.force_name,
    coalesce(from_lookup.districts, 0) AS districts
FROM from_lookup
FULL JOIN from_seed ON from_seed.force_area_code = from_lookup.force_area_code
UNION ALL
SELECT 'UNKNOWN', 'Unknown force area', NULL, NULL, 0
