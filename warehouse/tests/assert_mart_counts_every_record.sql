-- model: marts.crime_by_district_month
-- The mart counts every record in the fact table, anti-social behaviour included, none twice: each fact row
-- is one incident (a crime once per force, or an anti-social behaviour row).
SELECT facts.records, mart.incidents
FROM (SELECT count(*) AS records FROM core.fct_crime_records) AS facts,
     (SELECT coalesce(sum(incidents), 0) AS incidents FROM marts.crime_by_district_month) AS mart
WHERE facts.records <> mart.incidents
