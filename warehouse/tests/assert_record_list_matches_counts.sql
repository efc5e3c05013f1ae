-- model: marts.crime_record_list
-- The drill-through lists exactly the records each figure counts: for every area (district, partnership, force
-- area), month and crime type, the rows listed equal marts.crime_by_area_month's incidents, and no records are
-- listed for a cell the mart does not count. After an incremental build, the months it counted again.
WITH records AS (
    SELECT * FROM marts.crime_record_list WHERE intermediate.in_month_scope(month_key)
),
counts AS (
    SELECT * FROM marts.crime_by_area_month WHERE intermediate.in_month_scope(year(month) * 100 + month(month))
),
listed AS (
    SELECT 'force_area' AS area_type, force_area_code AS area_code, month, crime_type, count(*) AS records
    FROM records WHERE force_area_code <> 'UNKNOWN' GROUP BY ALL
    UNION ALL
    SELECT 'district', district_code, month, crime_type, count(*)
    FROM records WHERE district_code IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT 'partnership', partnership_code, month, crime_type, count(*)
    FROM records WHERE partnership_code IS NOT NULL GROUP BY ALL
)
SELECT area_type, area_code, month, crime_type, listed.records, counts.incidents
FROM listed
FULL JOIN counts USING (area_type, area_code, month, crime_type)
WHERE coalesce(listed.records, 0) <> coalesce(counts.incidents, 0)
