-- The counts of every plan measure for every area (each district of the plan's force area, and the force area as
-- a whole) and every month its force has data for, zero counts included: what the plan measure values add up into
-- periods and the monthly plan mart shows month by month. Only the plan's own force's records count: a
-- district counts those located in it, the force area every record its force published, located or not.
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
-- Counts come from intermediate.int_crime_by_area_month (a force area's months and records, and its districts'
-- records of its own force), not from the records again: the same figures, read from a table a few thousand times
-- smaller.
force_months AS (
    SELECT DISTINCT counts.force_area_code, month.month_key, month.month, month.financial_year, month.financial_quarter
    FROM intermediate.int_crime_by_area_month AS counts
    JOIN core.dim_month AS month ON month.month_key = counts.month_key
    WHERE counts.area_type = 'force_area'
),
areas AS (
    SELECT DISTINCT force_area_code, district_code AS area_code, district_name AS area_name, 'district' AS area_type
    FROM core.dim_district WHERE is_current AND district_code <> 'UNKNOWN'
    UNION ALL
    SELECT DISTINCT force_area_code, force_area_code, force_area_name, 'force area'
    FROM core.dim_district WHERE is_current AND force_area_code <> 'UNKNOWN'
),
record_counts AS (
    SELECT force_area_code, area_code, month_key, crime_type, incidents, positive_outcomes
    FROM intermediate.int_crime_by_area_month
    WHERE area_type IN ('district', 'force_area')
),
measure_counts AS (
    SELECT types.plan_id, types.objective_id, types.measure_id, counts.force_area_code, counts.area_code, counts.month_key,
           CAST(sum(counts.incidents) AS BIGINT) AS incidents, CAST(sum(counts.positive_outcomes) AS BIGINT) AS positive_outcomes
    FROM measure_types AS types
    JOIN record_counts AS counts ON counts.crime_type = types.crime_type
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
)
SELECT measures.plan_id, measures.objective_id, measures.measure_id, measures.metric, measures.force_area_code,
       areas.area_code, areas.area_name, areas.area_type,
       force_months.month_key, force_months.month, force_months.financial_year, force_months.financial_quarter,
       coalesce(measure_counts.incidents, 0) AS incidents,
       coalesce(measure_counts.positive_outcomes, 0) AS positive_outcomes,
       populations.population
FROM measures
JOIN areas ON areas.force_area_code = measures.force_area_code
JOIN force_months ON force_months.force_area_code = measures.force_area_code
LEFT JOIN measure_counts
  ON measure_counts.plan_id = measures.plan_id AND measure_counts.objective_id = measures.objective_id
 AND measure_counts.measure_id = measures.measure_id AND measure_counts.force_area_code = measures.force_area_code
 AND measure_counts.area_code = areas.area_code AND measure_counts.month_key = force_months.month_key
LEFT JOIN populations
  ON populations.force_area_code = measures.force_area_code AND populations.area_code = areas.area_code
 AND populations.financial_year = force_months.financial_year
