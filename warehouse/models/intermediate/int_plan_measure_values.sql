-- The value of every plan measure for every area (each district of the plan's force area, and the force area
-- as a whole) and every period with data (financial years and quarters). Values are comparable across periods
-- of different lengths: incidents per month; rates per 1,000 residents per year; outcome rates as proportions.
-- The force area counts every record its force published, including those with no usable location.
WITH measures AS (
    SELECT * FROM staging.stg_plan__measures
),
measure_types AS (
    SELECT measures.plan_id, measures.objective_id, measures.measure_id, types.crime_type
    FROM measures
    JOIN seeds.crime_types AS types
      ON (measures.crime_types = 'all recorded crime' AND types.is_recorded_crime)
      OR list_contains(string_split(measures.crime_types, ';'), types.crime_type)
),
force_months AS (
    SELECT DISTINCT records.force_area_code, month.month_key, month.month, month.financial_year, month.financial_quarter
    FROM intermediate.int_crime_records_classified AS records
    JOIN core.dim_month AS month ON month.month_key = records.month_key
),
period_months AS (
    SELECT force_area_code, financial_year AS period, 'year' AS period_type, financial_year, month_key, month FROM force_months
    UNION ALL
    SELECT force_area_code, financial_year || ' ' || financial_quarter, 'quarter', financial_year, month_key, month FROM force_months
),
periods AS (
    SELECT force_area_code, period, period_type, financial_year,
           count(*) AS months_covered, min(month) AS first_month, max(month) AS last_month
    FROM period_months
    GROUP BY ALL
),
areas AS (
    SELECT DISTINCT force_area_code, district_code AS area_code, district_name AS area_name, 'district' AS area_type
    FROM core.dim_district WHERE is_current AND district_code <> 'UNKNOWN'
    UNION ALL
    SELECT DISTINCT force_area_code, force_area_code, force_area_name, 'force area'
    FROM core.dim_district WHERE is_current AND force_area_code <> 'UNKNOWN'
),
record_counts AS (
    SELECT force_area_code, district_code AS area_code, month_key, crime_type,
           count(DISTINCT incident_id) AS incidents,
           count(DISTINCT incident_id) FILTER (WHERE has_positive_outcome) AS positive_outcomes
    FROM intermediate.int_crime_records_classified
    GROUP BY ALL
    UNION ALL
    SELECT force_area_code, force_area_code, month_key, crime_type,
           count(DISTINCT incident_id), count(DISTINCT incident_id) FILTER (WHERE has_positive_outcome)
    FROM intermediate.int_crime_records_classified
    GROUP BY ALL
),
measure_counts AS (
    SELECT types.plan_id, types.objective_id, types.measure_id, counts.area_code, period_months.period,
           sum(counts.incidents) AS incidents, sum(counts.positive_outcomes) AS positive_outcomes
    FROM measure_types AS types
    JOIN record_counts AS counts ON counts.crime_type = types.crime_type
    JOIN period_months ON period_months.force_area_code = counts.force_area_code AND period_months.month_key = counts.month_key
    GROUP BY ALL
),
populations AS (
    SELECT district.force_area_code, district.district_code AS area_code, population.financial_year, population.population
    FROM core.dim_district AS district
    JOIN intermediate.int_population_by_financial_year AS population ON population.district_code = district.district_code
    WHERE district.is_current
    UNION ALL
    SELECT district.force_area_code, district.force_area_code, population.financial_year, sum(population.population)
    FROM core.dim_district AS district
    JOIN intermediate.int_population_by_financial_year AS population ON population.district_code = district.district_code
    WHERE district.is_current AND district.district_code <> 'UNKNOWN'
    GROUP BY ALL
),
grid AS (
    SELECT measures.plan_id, measures.objective_id, measures.measure_id, measures.metric,
           areas.area_code, areas.area_name, areas.area_type,
           periods.period, periods.period_type, periods.financial_year, periods.months_covered, periods.first_month, periods.last_month,
           coalesce(measure_counts.incidents, 0) AS incidents,
           coalesce(measure_counts.positive_outcomes, 0) AS positive_outcomes,
           populations.population
    FROM measures
    JOIN areas ON areas.force_area_code = measures.force_area_code
    JOIN periods ON periods.force_area_code = measures.force_area_code
    LEFT JOIN measure_counts
      ON measure_counts.plan_id = measures.plan_id AND measure_counts.objective_id = measures.objective_id
     AND measure_counts.measure_id = measures.measure_id AND measure_counts.area_code = areas.area_code
     AND measure_counts.period = periods.period
    LEFT JOIN populations
      ON populations.force_area_code = measures.force_area_code AND populations.area_code = areas.area_code
     AND populations.financial_year = periods.financial_year
)
SELECT
    grid.*,
    CASE metric
        WHEN 'incidents' THEN incidents / months_covered
        WHEN 'rate_per_1000' THEN intermediate.per_1000_a_year(incidents, months_covered, population)
        WHEN 'positive_outcome_rate' THEN positive_outcomes / nullif(incidents, 0)
    END AS value,
    -- the count the value's uncertainty rests on: incidents, or the crimes an outcome rate is a share of
    incidents AS evidence_count
FROM grid
