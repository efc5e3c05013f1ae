-- The data.police.uk forces and the police force area each serves, so that pages can tell which force's files
-- feed an area's figures without reading the star.
SELECT
    force_key AS force_slug,
    force_name,
    force_area_code,
    force_area_name
FROM core.dim_force
WHERE force_key <> 'unknown'
