-- Police force areas (E23, W15) of the newest district-CSP-PFA lookup, with the data.police.uk force that serves each.
SELECT
    district.force_area_code,
    any_value(district.force_area_name) AS force_area_name,
    any_value(forces.force_slug) AS force_slug,
    any_value(forces.force_name) AS force_name,
    count(DISTINCT district.district_code) AS districts
FROM core.dim_district AS district
LEFT JOIN seeds.police_forces AS forces ON forces.force_area_code = district.force_area_code
WHERE district.is_current AND district.force_area_code <> 'UNKNOWN'
GROUP BY district.force_area_code
UNION ALL
SELECT 'UNKNOWN', 'Unknown force area', NULL, NULL, 0
