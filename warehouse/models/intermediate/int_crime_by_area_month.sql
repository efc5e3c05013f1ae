-- Crime and anti-social behaviour of each area by month and crime type, counting what the area's own force
-- published. Areas are districts, Community Safety Partnerships and police force areas; which records each counts
-- is intermediate.int_crime_records_classified's rule (counted_district_code, counted_partnership_code), so that
-- marts.crime_record_list lists the very records counted here.
WITH records AS (
    SELECT * FROM intermediate.int_crime_records_classified
    WHERE intermediate.in_month_scope(month_key)
),
located AS (
    SELECT 'district' AS area_type, counted_district_code AS area_code, force_area_code, month_key, crime_type,
           is_recorded_crime, has_positive_outcome
    FROM records WHERE counted_district_code IS NOT NULL
    UNION ALL
    SELECT 'partnership', counted_partnership_code, force_area_code, month_key, crime_type,
           is_recorded_crime, has_positive_outcome
    FROM records WHERE counted_partnership_code IS NOT NULL
    UNION ALL
    SELECT 'force_area', force_area_code, force_area_code, month_key, crime_type,
           is_recorded_crime, has_positive_outcome
    FROM records WHERE force_area_code <> 'UNKNOWN'
),
-- Each classified record is one incident (one force's crime once, or an anti-social behaviour row), so an area's
-- incidents are its rows. The month's date and financial year join after the counts, on a narrower key.
counts AS (
    SELECT area_type, area_code, force_area_code, month_key, crime_type, is_recorded_crime,
           count(*) AS incidents,
           count(*) FILTER (WHERE has_positive_outcome) AS positive_outcomes
    FROM located
    GROUP BY ALL
)
SELECT
    counts.area_type,
    counts.area_code,
    counts.force_area_code,
    counts.month_key,
    month.month,
    month.financial_year,
    counts.crime_type,
    counts.is_recorded_crime,
    counts.incidents,
    counts.positive_outcomes
FROM counts
JOIN core.dim_month AS month ON month.month_key = counts.month_key
