-- One row per LSOA (2011 and 2021 codes alike), rolled up to today's district, the Community Safety Partnership
-- its records count towards, and the police force area. A district in one partnership gives it its LSOAs; a
-- district split between partnerships gives each LSOA to the partnership of the district it lay in before the
-- merger (intermediate.int_district_partnerships). Records with a blank or unknown LSOA point at the UNKNOWN member.
WITH placed AS (
    SELECT lsoas.lsoa_code, lsoas.lsoa_name, lsoas.lsoa_vintage, lsoas.district_code, lsoas.predecessor_name,
           coalesce(whole.partnership_code, split.partnership_code) AS partnership_code
    FROM intermediate.int_lsoa_districts AS lsoas
    LEFT JOIN intermediate.int_district_partnerships AS whole
           ON whole.district_code = lsoas.district_code AND NOT whole.is_split_district
    LEFT JOIN seeds.split_district_partnerships AS split
           ON split.district_code = lsoas.district_code AND split.predecessor_name = lsoas.predecessor_name
)
SELECT
    placed.lsoa_code AS geography_key,
    placed.lsoa_code,
    placed.lsoa_name,
    placed.lsoa_vintage,
    district.district_code,
    district.district_name,
    coalesce(placed.partnership_code, 'UNKNOWN') AS partnership_code,
    coalesce(partnership.partnership_name, 'Unknown partnership') AS partnership_name,
    district.force_area_code,
    district.force_area_name,
    placed.predecessor_name AS district_name_2011
FROM placed
JOIN core.dim_district AS district ON district.district_code = placed.district_code AND district.is_current
LEFT JOIN core.dim_partnership AS partnership ON partnership.partnership_code = placed.partnership_code
UNION ALL
SELECT 'UNKNOWN', NULL, 'Unknown location', NULL, 'UNKNOWN', 'Unknown location',
       'UNKNOWN', 'Unknown partnership', 'UNKNOWN', 'Unknown force area', NULL
