-- The value of every plan measure for every area (each district of the plan's force area, and the force area
-- as a whole) and every period with data (financial years and quarters), and the value of the same months a year
-- earlier where every one of them is loaded. Values are comparable across periods of different lengths: incidents
-- per month; rates per 1,000 residents per year; outcome rates as proportions (intermediate.plan_measure_value).
WITH months AS (
    SELECT * FROM intermediate.int_plan_measure_months
),
period_months AS (
    SELECT *, financial_year AS period, 'year' AS period_type FROM months
    UNION ALL
    SELECT *, financial_year || ' ' || financial_quarter, 'quarter' FROM months
),
periods AS (
    SELECT plan_id, objective_id, measure_id, metric, area_code, area_name, area_type, period, period_type, financial_year,
           count(*) AS months_covered, min(month) AS first_month, max(month) AS last_month,
           CAST(sum(incidents) AS BIGINT) AS incidents, CAST(sum(positive_outcomes) AS BIGINT) AS positive_outcomes,
           any_value(population) AS population
    FROM period_months
    GROUP BY plan_id, objective_id, measure_id, metric, area_code, area_name, area_type, period, period_type, financial_year
),
-- Each month of a period beside the same month a year earlier, where that month is loaded.
year_earlier AS (
    SELECT period_months.plan_id, period_months.objective_id, period_months.measure_id, period_months.area_code, period_months.period,
           count(earlier.month) AS year_earlier_months_loaded,
           CAST(sum(earlier.incidents) AS BIGINT) AS year_earlier_incidents,
           CAST(sum(earlier.positive_outcomes) AS BIGINT) AS year_earlier_positive_outcomes,
           any_value(earlier.population) AS year_earlier_population
    FROM period_months
    LEFT JOIN months AS earlier
      ON earlier.plan_id = period_months.plan_id AND earlier.objective_id = period_months.objective_id
     AND earlier.measure_id = period_months.measure_id AND earlier.area_code = period_months.area_code
     AND earlier.month = CAST(period_months.month - INTERVAL 12 MONTH AS DATE)
    GROUP BY ALL
)
SELECT
    periods.*,
    intermediate.plan_measure_value(metric, incidents, positive_outcomes, months_covered, population) AS value,
    -- the count the value's uncertainty rests on: incidents, or the crimes an outcome rate is a share of
    incidents AS evidence_count,
    CAST(first_month - INTERVAL 12 MONTH AS DATE) AS year_earlier_first_month,
    CAST(last_month - INTERVAL 12 MONTH AS DATE) AS year_earlier_last_month,
    year_earlier.year_earlier_months_loaded,
    year_earlier.year_earlier_incidents,
    year_earlier.year_earlier_positive_outcomes,
    year_earlier.year_earlier_population,
    CASE WHEN year_earlier.year_earlier_months_loaded = months_covered
         THEN intermediate.plan_measure_value(metric, year_earlier.year_earlier_incidents, year_earlier.year_earlier_positive_outcomes,
                                              months_covered, year_earlier.year_earlier_population) END AS year_earlier_value
FROM periods
JOIN year_earlier USING (plan_id, objective_id, measure_id, area_code, period)
