-- Who each area is compared with, and on whose method:
--   a district: its ONS statistical nearest neighbours (October 2025 release, England only), the first ten;
--   a force area: every other police force area, because no open list of the Home Office's "most similar groups"
--     of forces exists. has_crime_data says which peers have police data loaded.
WITH district_peers AS (
    SELECT 'district' AS area_type, coalesce(area_mapped.active_code, neighbours.area_code) AS area_code, neighbours.neighbour_rank AS peer_rank,
           coalesce(mapped.active_code, neighbours.neighbour_code) AS peer_code, neighbours.neighbour_name,
           neighbours.relative_distance,
           'ONS statistical nearest neighbours of local authority districts (October 2025), the first ten' AS peer_method,
           row_number() OVER (PARTITION BY coalesce(area_mapped.active_code, neighbours.area_code), neighbours.neighbour_rank
                              ORDER BY neighbours.file_id DESC) AS newest
    FROM staging.stg_ons__nearest_neighbours AS neighbours
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = neighbours.neighbour_code
    LEFT JOIN intermediate.int_district_codes_mapped AS area_mapped ON area_mapped.district_code = neighbours.area_code
    WHERE neighbours.area_level = 'district' AND neighbours.neighbour_rank <= 10
),
force_area_peers AS (
    SELECT 'force_area' AS area_type, area.force_area_code AS area_code,
           CAST(row_number() OVER (PARTITION BY area.force_area_code ORDER BY peer.force_area_name) AS INTEGER) AS peer_rank,
           peer.force_area_code AS peer_code, peer.force_area_name AS neighbour_name, CAST(NULL AS DOUBLE) AS relative_distance,
           'every other police force area of England and Wales (no open list of the Home Office''s most similar groups of forces exists)' AS peer_method
    FROM core.dim_force_area AS area
    JOIN core.dim_force_area AS peer ON peer.force_area_code <> area.force_area_code AND peer.force_area_code <> 'UNKNOWN'
    WHERE area.force_area_code <> 'UNKNOWN'
),
loaded AS (
    SELECT DISTINCT area_type, area_code FROM intermediate.int_crime_by_area_month
),
peers AS (
    SELECT area_type, area_code, peer_rank, peer_code, neighbour_name, relative_distance, peer_method
    FROM district_peers WHERE newest = 1
    UNION ALL
    SELECT * FROM force_area_peers
)
SELECT
    peers.area_type,
    peers.area_code,
    peers.peer_rank,
    peers.peer_code,
    coalesce(district.district_name, force_area.force_area_name, peers.neighbour_name) AS peer_name,
    coalesce(district.force_area_code, force_area.force_area_code) AS peer_force_area_code,
    peers.relative_distance,
    loaded.area_code IS NOT NULL AS has_crime_data,
    peers.peer_method
FROM peers
LEFT JOIN core.dim_district AS district
       ON peers.area_type = 'district' AND district.district_code = peers.peer_code AND district.is_current
LEFT JOIN core.dim_force_area AS force_area
       ON peers.area_type = 'force_area' AND force_area.force_area_code = peers.peer_code
LEFT JOIN loaded ON loaded.area_type = peers.area_type AND loaded.area_code = peers.peer_code
ORDER BY peers.area_type, peers.area_code, peers.peer_rank
