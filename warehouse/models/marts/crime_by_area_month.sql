-- Crime and anti-social behaviour by district, Community Safety Partnership and police force area, month and
-- crime type, counting the area's own force's records (intermediate.int_crime_by_area_month says which), beside
-- the same month a year earlier: zero where the force's data for that month is loaded but had none, NULL where
-- that month is not loaded. The area's recorded crime and anti-social behaviour a year earlier are on every row
-- of the area and month, as a type with none this month has no row to carry its count of a year earlier.
WITH counts AS (
    SELECT * FROM intermediate.int_crime_by_area_month
),
loaded_months AS (
    SELECT DISTINCT force_area_code, month FROM counts
),
area_totals AS (
    SELECT area_type, area_code, month,
           sum(incidents) FILTER (WHERE is_recorded_crime) AS recorded_crimes,
           sum(incidents) FILTER (WHERE NOT is_recorded_crime) AS anti_social_behaviour
    FROM counts
    GROUP BY ALL
)
SELECT
    counts.area_type,
    counts.area_code,
    coalesce(district.district_name, partnership.partnership_name, force_area.force_area_name) AS area_name,
    counts.force_area_code,
    counts.month,
    counts.financial_year,
    counts.crime_type,
    counts.is_recorded_crime,
    counts.incidents,
    counts.positive_outcomes,
    loaded.month AS year_earlier_month,
    CASE WHEN loaded.month IS NOT NULL THEN coalesce(earlier.incidents, 0) END AS year_earlier_incidents,
    CASE WHEN loaded.month IS NOT NULL THEN coalesce(earlier.positive_outcomes, 0) END AS year_earlier_positive_outcomes,
    CASE WHEN loaded.month IS NOT NULL THEN CAST(coalesce(earlier_area.recorded_crimes, 0) AS BIGINT) END AS area_recorded_crimes_a_year_earlier,
    CASE WHEN loaded.month IS NOT NULL THEN CAST(coalesce(earlier_area.anti_social_behaviour, 0) AS BIGINT) END AS area_anti_social_behaviour_a_year_earlier
FROM counts
LEFT JOIN loaded_months AS loaded
       ON loaded.force_area_code = counts.force_area_code AND loaded.month = CAST(counts.month - INTERVAL 12 MONTH AS DATE)
LEFT JOIN counts AS earlier
       ON earlier.area_type = counts.area_type AND earlier.area_code = counts.area_code AND earlier.crime_type = counts.crime_type
      AND earlier.month = loaded.month
LEFT JOIN area_totals AS earlier_area
       ON earlier_area.area_type = counts.area_type AND earlier_area.area_code = counts.area_code AND earlier_area.month = loaded.month
LEFT JOIN core.dim_district AS district
       ON counts.area_type = 'district' AND district.district_code = counts.area_code
      AND district.valid_from <= counts.month AND counts.month < district.valid_to
LEFT JOIN core.dim_partnership AS partnership
       ON counts.area_type = 'partnership' AND partnership.partnership_code = counts.area_code
LEFT JOIN core.dim_force_area AS force_area
       ON counts.area_type = 'force_area' AND force_area.force_area_code = counts.area_code
-- An incremental build makes again the months it counted again, and the months a year after them (their year-earlier
-- figures); every month is read for those.
WHERE intermediate.in_month_scope(counts.month_key) OR intermediate.in_month_scope(counts.month_key - 100)
ORDER BY counts.area_type, counts.area_code, counts.month, counts.crime_type
