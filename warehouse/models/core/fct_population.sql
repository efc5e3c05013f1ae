-- District populations from the ONS mid-year estimates, whether published one year to a file (every geography
-- level; only districts are kept) or as a series of years. Older district codes are mapped to today's, and the
-- districts merged into one are summed within the file that lists them. Where two files estimate the same
-- district and year, the newest file is used, whole.
WITH estimates AS (
    SELECT file_id, estimate_year, area_code, population
    FROM staging.stg_ons__population
    WHERE geography IN ('Non-metropolitan District', 'Unitary Authority', 'Metropolitan District', 'London Borough')
      AND (area_code LIKE 'E0%' OR area_code LIKE 'W06%')
    UNION ALL
    SELECT file_id, estimate_year, area_code, population
    FROM staging.stg_ons__population_series
),
districts AS (
    SELECT estimates.file_id, estimates.estimate_year,
           coalesce(mapped.active_code, estimates.area_code) AS district_code,
           sum(estimates.population) AS population
    FROM estimates
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = estimates.area_code
    GROUP BY ALL
),
newest AS (
    SELECT *, row_number() OVER (PARTITION BY estimate_year, district_code ORDER BY file_id DESC) AS preference
    FROM districts
)
SELECT
    newest.district_code,
    newest.estimate_year,
    CAST(newest.population AS BIGINT) AS population,
    'ONS mid-' || newest.estimate_year || ' population estimate' AS estimate_source,
    newest.file_id AS source_file_id
FROM newest
WHERE newest.preference = 1
