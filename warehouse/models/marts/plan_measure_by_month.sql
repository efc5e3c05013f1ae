-- Every plan measure for each district and the force area, month by month, beside the same month a year earlier
-- where the force's data for that month is loaded (NULL where it is not). Valued as the plan mart
-- values a period (intermediate.plan_measure_value), so a month and its period read alike.
WITH months AS (
    SELECT * FROM intermediate.int_plan_measure_months
),
measures AS (
    SELECT measures.plan_id, measures.objective_id, measures.measure_id, measures.measure_title, objectives.objective_order
    FROM staging.stg_plan__measures AS measures
    JOIN staging.stg_plan__objectives AS objectives USING (plan_id, objective_id)
)
SELECT
    months.plan_id, months.objective_id, measures.objective_order, months.measure_id, measures.measure_title, months.metric,
    months.area_type, months.area_code, months.area_name, months.month, months.financial_year,
    months.incidents, months.positive_outcomes, months.population,
    round(intermediate.plan_measure_value(months.metric, months.incidents, months.positive_outcomes, 1, months.population), 4) AS value,
    earlier.month AS year_earlier_month,
    earlier.incidents AS year_earlier_incidents,
    earlier.positive_outcomes AS year_earlier_positive_outcomes,
    round(intermediate.plan_measure_value(months.metric, earlier.incidents, earlier.positive_outcomes, 1, earlier.population), 4) AS year_earlier_value,
    round(100 * (intermediate.plan_measure_value(months.metric, months.incidents, months.positive_outcomes, 1, months.population)
                 / nullif(intermediate.plan_measure_value(months.metric, earlier.incidents, earlier.positive_outcomes, 1, earlier.population), 0) - 1), 1)
        AS change_percent
FROM months
JOIN measures USING (plan_id, objective_id, measure_id)
LEFT JOIN months AS earlier
  ON earlier.plan_id = months.plan_id AND earlier.objective_id = months.objective_id AND earlier.measure_id = months.measure_id
 AND earlier.area_code = months.area_code AND earlier.month = CAST(months.month - INTERVAL 12 MONTH AS DATE)
ORDER BY months.plan_id, measures.objective_order, months.measure_id, months.area_type DESC, months.area_code, months.month
