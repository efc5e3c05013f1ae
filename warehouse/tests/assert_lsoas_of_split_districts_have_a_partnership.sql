-- model: core.dim_geography
-- Every LSOA of a district split between partnerships is placed in one of them by the district it lay in before
-- the merger (warehouse/seeds/split_district_partnerships.csv); one left over means the seed misses a predecessor.
SELECT geography.geography_key, geography.district_code, geography.district_name_2011
FROM core.dim_geography AS geography
WHERE geography.partnership_code = 'UNKNOWN'
  AND geography.district_code IN (SELECT district_code FROM intermediate.int_district_partnerships WHERE is_split_district)
