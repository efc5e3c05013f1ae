-- model: core.dim_geography
-- Every LSOA of a district split between partnerships is placed in one of them by the district it lay in before
-- the merger (warehouse/seeds/split_district_partnerships.csv); one left over means the seed misses a predecessor.
SELECT geography_key, district_code, district_name_2011
FROM core.dim_geography
WHERE geography_key <> 'UNKNOWN' AND partnership_code = 'UNKNOWN'
