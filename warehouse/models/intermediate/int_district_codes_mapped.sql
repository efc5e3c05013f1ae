-- Maps every district code ever seen to the one code the warehouse uses for that district today, so that lookups and
-- estimates made with older codes (East Hertfordshire E07000097, now E07000242; Allerdale, now part of Cumberland)
-- land on one district. The code history names each code's active successor; where the newest district-partnership-
-- force area lookup still uses an earlier code of the same district (Barnsley E08000016 and Sheffield E08000019 in
-- December 2024, which the history already gives new codes), that code is used, so the district matches the lookup,
-- the boundaries and the estimates published with it. A newer lookup with the new codes moves them on by itself.
WITH history AS (
    SELECT district_code, active_code,
           row_number() OVER (PARTITION BY district_code ORDER BY file_id DESC) AS newest
    FROM staging.stg_ons__district_codes
),
in_lookup AS (
    SELECT DISTINCT district_code
    FROM staging.stg_ons__district_hierarchy
    WHERE file_id = (SELECT max(file_id) FROM staging.stg_ons__district_hierarchy)
),
representative AS (
    -- only a code the lookup still uses alone stands for its successor: several (districts a lookup older than
    -- their merger still lists) merge into the successor as usual
    SELECT history.active_code,
           CASE WHEN history.active_code NOT IN (SELECT district_code FROM in_lookup)
                 AND count(*) FILTER (WHERE history.district_code IN (SELECT district_code FROM in_lookup)) = 1
                THEN max(history.district_code) FILTER (WHERE history.district_code IN (SELECT district_code FROM in_lookup))
                ELSE history.active_code END AS district_code_used
    FROM history
    WHERE history.newest = 1
    GROUP BY history.active_code
)
SELECT history.district_code, representative.district_code_used AS active_code
FROM history
JOIN representative USING (active_code)
WHERE history.newest = 1
