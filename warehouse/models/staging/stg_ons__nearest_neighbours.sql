-- ONS statistical nearest neighbours, typed: each area's neighbours by rank.
SELECT
    neighbours.file_id,
    CASE neighbours.level WHEN 'LTLA' THEN 'district' ELSE 'upper_tier' END AS area_level,
    upper(trim(neighbours.area_code)) AS area_code,
    neighbours.area_name,
    CAST(neighbours.rank AS INTEGER) AS neighbour_rank,
    upper(trim(neighbours.neighbour_code)) AS neighbour_code,
    neighbours.neighbour_name,
    TRY_CAST(neighbours.relative_distance AS DOUBLE) AS relative_distance
FROM raw.ons_nearest_neighbours AS neighbours
JOIN meta.source_files AS files ON files.file_id = neighbours.file_id
WHERE files.status = 'loaded'
