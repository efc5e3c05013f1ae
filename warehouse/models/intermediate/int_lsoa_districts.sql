-- Every LSOA code, 2011 or 2021, with the district it lies in today. A code found in several lookups takes, in
-- order: the 2021 vintage (a code that did not change in 2021 is the same area), a direct LSOA-to-district lookup
-- before the exact-fit 2011-to-2021 lookup, then the newest file. District codes of any vintage become today's
-- (districts merged in April 2023 become their successors), so a lookup of older districts still places every LSOA.
-- predecessor_name is the district the LSOA lay in in 2011, read from its 2011 LSOA's name (ONS names 2011 LSOAs
-- after their 2011 district, as in 'Aylesbury Vale 001A'): it places records of districts split between partnerships.
WITH candidates AS (
    SELECT lsoa_code, lsoa_name, lsoa_vintage, district_code, 1 AS source_rank, file_id
    FROM staging.stg_ons__lsoa_lookup
    UNION ALL
    SELECT DISTINCT lsoa21_code, lsoa21_name, 2021, district_code, 2, file_id
    FROM staging.stg_ons__lsoa_changes
    UNION ALL
    SELECT DISTINCT lsoa11_code, lsoa11_name, 2011, district_code, 2, file_id
    FROM staging.stg_ons__lsoa_changes
),
ranked AS (
    SELECT candidates.lsoa_code, candidates.lsoa_name, candidates.lsoa_vintage,
           coalesce(mapped.active_code, candidates.district_code) AS district_code,
           row_number() OVER (PARTITION BY candidates.lsoa_code
                              ORDER BY candidates.lsoa_vintage DESC, candidates.source_rank, candidates.file_id DESC,
                                       candidates.district_code) AS preference
    FROM candidates
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = candidates.district_code
),
predecessors AS (
    SELECT lsoa_code, min(predecessor_name) AS predecessor_name
    FROM (
        SELECT lsoa21_code AS lsoa_code, regexp_replace(lsoa11_name, '\s+\d{3}[A-Z]$', '') AS predecessor_name
        FROM staging.stg_ons__lsoa_changes
        UNION ALL
        SELECT lsoa11_code, regexp_replace(lsoa11_name, '\s+\d{3}[A-Z]$', '')
        FROM staging.stg_ons__lsoa_changes
    )
    GROUP BY lsoa_code
)
SELECT ranked.lsoa_code, ranked.lsoa_name, ranked.lsoa_vintage, ranked.district_code, predecessors.predecessor_name
FROM ranked
LEFT JOIN predecessors USING (lsoa_code)
WHERE ranked.preference = 1
