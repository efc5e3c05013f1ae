-- Maps every district code ever seen to the code active today, so that lookups and estimates made with
-- older codes (for example East Hertfordshire E07000097, now E07000242) land on today's district.
WITH known AS (
    SELECT district_code, active_code,
           row_number() OVER (PARTITION BY district_code ORDER BY file_id DESC) AS newest
    FROM staging.stg_ons__district_codes
)
SELECT district_code, active_code
FROM known
WHERE newest = 1
