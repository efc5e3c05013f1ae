-- model: intermediate.int_crime_by_area_month
-- A force area's districts and its partnerships count the same located records, and never more than the force
-- area itself (which also counts records with no location and those placed outside it).
WITH totals AS (
    SELECT force_area_code, month_key, crime_type,
           sum(incidents) FILTER (WHERE area_type = 'district') AS districts,
           sum(incidents) FILTER (WHERE area_type = 'partnership') AS partnerships,
           sum(incidents) FILTER (WHERE area_type = 'force_area') AS force_area
    FROM intermediate.int_crime_by_area_month
    GROUP BY ALL
)
SELECT * FROM totals
WHERE coalesce(districts, 0) <> coalesce(partnerships, 0) OR coalesce(districts, 0) > coalesce(force_area, 0)
