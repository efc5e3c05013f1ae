-- Today's districts and the Community Safety Partnerships they lie in, from the newest district-CSP-PFA lookup.
-- Most districts lie in one partnership (share 1). A district split between partnerships (the partnerships follow
-- the districts that existed before a merger, warehouse/seeds/split_district_partnerships.csv) has one row per
-- partnership: its records go to the partnership of the pre-merger district their LSOA lay in, and its residents
-- are shared in proportion to the residents of those LSOAs in the newest loaded LSOA estimates (equally where no
-- LSOA estimates are loaded, and the rule says so).
WITH newest_lookup AS (
    SELECT max(file_id) AS file_id FROM staging.stg_ons__district_hierarchy
),
hierarchy AS (
    SELECT DISTINCT coalesce(mapped.active_code, h.district_code) AS district_code, h.partnership_code, h.force_area_code
    FROM staging.stg_ons__district_hierarchy AS h
    JOIN newest_lookup USING (file_id)
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = h.district_code
),
counted AS (
    SELECT *, count(*) OVER (PARTITION BY district_code) AS partnerships_in_district FROM hierarchy
),
lsoa_weights AS (
    SELECT lsoas.district_code, split.partnership_code, sum(estimates.population) AS residents
    FROM intermediate.int_lsoa_districts AS lsoas
    JOIN seeds.split_district_partnerships AS split
      ON split.district_code = lsoas.district_code AND split.predecessor_name = lsoas.predecessor_name
    JOIN (SELECT lsoa_code, population,
                 row_number() OVER (PARTITION BY lsoa_code ORDER BY estimate_year DESC, file_id DESC) AS newest
          FROM staging.stg_ons__lsoa_population) AS estimates
      ON estimates.lsoa_code = lsoas.lsoa_code AND estimates.newest = 1
    GROUP BY ALL
),
weights AS (
    SELECT district_code, partnership_code, residents / sum(residents) OVER (PARTITION BY district_code) AS share
    FROM lsoa_weights
)
SELECT
    counted.district_code,
    counted.partnership_code,
    counted.force_area_code,
    counted.partnerships_in_district,
    counted.partnerships_in_district > 1 AS is_split_district,
    CASE WHEN counted.partnerships_in_district = 1 THEN 1.0
         ELSE coalesce(weights.share, 1.0 / counted.partnerships_in_district) END AS population_share,
    CASE WHEN counted.partnerships_in_district = 1 THEN 'the whole district'
         ELSE 'the part of the district that was ' || (
                  SELECT string_agg(split.predecessor_name, ' and ' ORDER BY split.predecessor_name)
                  FROM seeds.split_district_partnerships AS split
                  WHERE split.district_code = counted.district_code AND split.partnership_code = counted.partnership_code)
              || ' before the merger: records by the 2011 LSOA they lie in, '
              || CASE WHEN weights.share IS NULL
                      THEN 'residents shared equally between its ' || counted.partnerships_in_district || ' partnerships (no LSOA population estimates are loaded)'
                      ELSE 'residents in proportion to those LSOAs'' residents (' || printf('%.1f', 100 * weights.share) || '% of the district)' END
         END AS assignment_rule
FROM counted
LEFT JOIN weights USING (district_code, partnership_code)
