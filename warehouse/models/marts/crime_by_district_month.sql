-- Crime and anti-social behaviour by force, district, month and crime type, counted from the classified
-- records: incidents are distinct incident identities, positive_outcomes those with a positive outcome.
-- Each incident once, then counted: a grouping spills to disk under the run's memory limit, where count(DISTINCT)
-- over millions of records ran out of it.
WITH incidents AS (
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
        records.incident_id,
        bool_or(records.has_positive_outcome) AS has_positive_outcome
    FROM intermediate.int_crime_records_classified AS records
    JOIN core.dim_month AS month ON month.month_key = records.month_key
    LEFT JOIN core.dim_district AS district
        ON district.district_code = records.district_code
       AND district.valid_from <= month.month AND month.month < district.valid_to
    WHERE intermediate.in_month_scope(records.month_key)
    GROUP BY ALL
)
SELECT
    force_code, force_name, district_code, district_name, month, financial_year, crime_type, is_recorded_crime,
    district_force_area_code,
    count(*) AS incidents,
    count(*) FILTER (WHERE has_positive_outcome) AS positive_outcomes
FROM incidents
GROUP BY ALL
ORDER BY force_code, district_code, month, crime_type
