-- model: marts.crime_by_district_month
-- The mart counts every record in the fact table, anti-social behaviour included, none twice.
SELECT facts.records, mart.incidents
FROM (SELECT count(DISTINCT coalesce(crime_id, record_key)) AS records FROM core.fct_crime_records) AS facts,
     (SELECT coalesce(sum(incidents), 0) AS incidents FROM marts.crime_by_district_month) AS mart
WHERE facts.records <> mart.incidents
