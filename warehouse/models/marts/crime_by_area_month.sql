-- Crime and anti-social behaviour by district, Community Safety Partnership and police force area, month and
-- crime type, counting the area's own force's records (intermediate.int_crime_by_area_month says which).
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
    counts.positive_outcomes
FROM intermediate.int_crime_by_area_month AS counts
LEFT JOIN core.dim_district AS district
       ON counts.area_type = 'district' AND district.district_code = counts.area_code
      AND district.valid_from <= counts.month AND counts.month < district.valid_to
LEFT JOIN core.dim_partnership AS partnership
       ON counts.area_type = 'partnership' AND partnership.partnership_code = counts.area_code
LEFT JOIN core.dim_force_area AS force_area
       ON counts.area_type = 'force_area' AND force_area.force_area_code = counts.area_code
ORDER BY counts.area_type, counts.area_code, counts.month, counts.crime_type
