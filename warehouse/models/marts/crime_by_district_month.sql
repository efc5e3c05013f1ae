-- Crime and anti-social behaviour by force, district, month and crime type, counted from the classified
-- records: each is one incident (intermediate.int_crime_records_classified), positive_outcomes those with a
-- positive outcome.
SELECT
    records.force_area_code AS force_code,
    records.force_name,
    records.district_code,
    coalesce(district.district_name, records.current_district_name) AS district_name,
    month.month,
    month.financial_year,
    records.crime_type,
    records.is_recorded_crime,
    coalesce(district.force_area_code, 'UNKNOWN') AS district_force_area_code,
    count(*) AS incidents,
    count(*) FILTER (WHERE records.has_positive_outcome) AS positive_outcomes
FROM intermediate.int_crime_records_classified AS records
JOIN core.dim_month AS month ON month.month_key = records.month_key
LEFT JOIN core.dim_district AS district
    ON district.district_code = records.district_code
   AND district.valid_from <= month.month AND month.month < district.valid_to
WHERE intermediate.in_month_scope(records.month_key)
GROUP BY ALL
ORDER BY force_code, district_code, month, crime_type
