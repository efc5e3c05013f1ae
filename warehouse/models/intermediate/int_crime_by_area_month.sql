-- Crime and anti-social behaviour of each area by month and crime type, counting what the area's own force
-- published. Areas are districts, Community Safety Partnerships and police force areas:
--   district and partnership: the force's records located there (records another force placed there count in
--     that force's figures only);
--   force area: every record its force published, located or not (so the area's districts add up to less than
--     the area by the records with no location and those placed outside it).
WITH records AS (
    SELECT records.*, month.month, month.financial_year
    FROM intermediate.int_crime_records_classified AS records
    JOIN core.dim_month AS month ON month.month_key = records.month_key
),
located AS (
    SELECT 'district' AS area_type, district_code AS area_code, * FROM records
    WHERE located_force_area_code = force_area_code AND district_code <> 'UNKNOWN'
    UNION ALL
    SELECT 'partnership', partnership_code, * FROM records
    WHERE located_force_area_code = force_area_code AND partnership_code <> 'UNKNOWN'
    UNION ALL
    SELECT 'force_area', force_area_code, * FROM records
    WHERE force_area_code <> 'UNKNOWN'
)
SELECT
    area_type,
    area_code,
    force_area_code,
    month_key,
    month,
    financial_year,
    crime_type,
    is_recorded_crime,
    count(DISTINCT incident_id) AS incidents,
    count(DISTINCT incident_id) FILTER (WHERE has_positive_outcome) AS positive_outcomes
FROM located
GROUP BY ALL
