-- Each plan measure, area and period with data, compared like for like and judged against its target or direction.
-- The comparison is the same months a year earlier when every one of them is loaded (so a summer is compared with
-- a summer, not with the winter before the plan began); otherwise the plan's baseline, when the period comes after
-- it; otherwise there is no comparable period and a direction is not judged.
-- Direction of travel (reduce, increase, maintain) is judged by whether the change from the comparison is
-- statistically meaningful at 95%: for counts and rates, the interval of the rate ratio (log method) must
-- exclude 1; for outcome rates, the difference of two proportions must exceed 1.96 standard errors.
--   reduce:   a significant fall is on track, a significant rise off track, anything else at risk
--   increase: a significant rise is on track, a significant fall off track, anything else at risk
--   maintain: a significant change for the worse is off track, anything else on track
-- A numeric target is on track when met, at risk when within tolerance_percent of it, off track otherwise; the
-- comparison is still stated. Lower is better for counts and rates, higher for outcome rates.
-- Status words, labels, symbols and colours are seeds.plan_statuses.
WITH measures AS (
    SELECT measures.*, objectives.plan_title, objectives.plan_version, objectives.objective_title, objectives.objective_order,
           CASE WHEN measures.metric = 'positive_outcome_rate' THEN 'higher' ELSE 'lower' END AS better
    FROM staging.stg_plan__measures AS measures
    JOIN staging.stg_plan__objectives AS objectives USING (plan_id, objective_id)
),
paired AS (
    SELECT current.*, measures.plan_title, measures.plan_version, measures.objective_title, measures.objective_order,
           measures.measure_title, measures.crime_types, measures.baseline_period, measures.target_kind, measures.direction,
           measures.target_value, measures.tolerance_percent, measures.better,
           baseline.value AS baseline_value, baseline.months_covered AS baseline_months_covered,
           baseline.first_month AS baseline_first_month, baseline.last_month AS baseline_last_month,
           baseline.incidents AS baseline_incidents, baseline.positive_outcomes AS baseline_positive_outcomes,
           baseline.population AS baseline_population,
           intermediate.month_span(current.year_earlier_first_month, current.year_earlier_last_month, current.months_covered) AS year_earlier_period,
           CASE WHEN current.year_earlier_months_loaded = current.months_covered THEN 'year earlier'
                WHEN current.first_month > baseline.last_month THEN 'baseline'
                ELSE 'none' END AS comparison_kind
    FROM intermediate.int_plan_measure_values AS current
    JOIN measures USING (plan_id, objective_id, measure_id)
    LEFT JOIN intermediate.int_plan_measure_values AS baseline
      ON baseline.plan_id = current.plan_id AND baseline.objective_id = current.objective_id AND baseline.measure_id = current.measure_id
     AND baseline.area_code = current.area_code AND baseline.period = measures.baseline_period
),
compared AS (
    SELECT *,
           'the same months a year earlier (' || year_earlier_period || ') are '
           || CASE WHEN year_earlier_months_loaded = 0 THEN 'not loaded'
                   ELSE 'not all loaded (' || year_earlier_months_loaded || ' of ' || months_covered || ' months)' END AS year_earlier_gap,
           CASE comparison_kind WHEN 'year earlier' THEN year_earlier_period
                WHEN 'baseline' THEN intermediate.month_span(baseline_first_month, baseline_last_month, baseline_months_covered) END AS comparison_period,
           CASE comparison_kind WHEN 'year earlier' THEN year_earlier_value WHEN 'baseline' THEN baseline_value END AS comparison_value,
           CASE comparison_kind WHEN 'year earlier' THEN months_covered WHEN 'baseline' THEN baseline_months_covered END AS comparison_months_covered,
           CASE comparison_kind WHEN 'year earlier' THEN year_earlier_incidents WHEN 'baseline' THEN baseline_incidents END AS comparison_incidents,
           CASE comparison_kind WHEN 'year earlier' THEN year_earlier_population WHEN 'baseline' THEN baseline_population END AS comparison_population
    FROM paired
),
tested AS (
    SELECT *,
           value / nullif(comparison_value, 0) - 1 AS change,
           -- rate ratio interval (counts and rates); zero counts take 0.5 so the interval stays finite
           CASE WHEN metric <> 'positive_outcome_rate' AND comparison_value IS NOT NULL THEN
               exp(ln(greatest(incidents, 0.5) / greatest(comparison_incidents, 0.5) * comparison_months_covered / months_covered
                      * coalesce(comparison_population / nullif(population, 0), 1) ^ (metric = 'rate_per_1000')::INTEGER)
                   - 1.96 * sqrt(1.0 / greatest(incidents, 0.5) + 1.0 / greatest(comparison_incidents, 0.5))) END AS ratio_ci_low,
           CASE WHEN metric <> 'positive_outcome_rate' AND comparison_value IS NOT NULL THEN
               exp(ln(greatest(incidents, 0.5) / greatest(comparison_incidents, 0.5) * comparison_months_covered / months_covered
                      * coalesce(comparison_population / nullif(population, 0), 1) ^ (metric = 'rate_per_1000')::INTEGER)
                   + 1.96 * sqrt(1.0 / greatest(incidents, 0.5) + 1.0 / greatest(comparison_incidents, 0.5))) END AS ratio_ci_high,
           -- standard error of the difference of two proportions (outcome rates)
           CASE WHEN metric = 'positive_outcome_rate' AND incidents > 0 AND comparison_incidents > 0 THEN
               sqrt(value * (1 - value) / incidents + comparison_value * (1 - comparison_value) / comparison_incidents) END AS difference_se
    FROM compared
),
judged AS (
    SELECT *,
           CASE WHEN metric = 'positive_outcome_rate' THEN difference_se > 0 AND abs(value - comparison_value) > 1.96 * difference_se
                ELSE ratio_ci_low > 1 OR ratio_ci_high < 1 END AS is_significant,
           (better = 'lower' AND value > comparison_value) OR (better = 'higher' AND value < comparison_value) AS is_worse,
           -- the periods compared, in words, for the status rule
           CASE comparison_kind
               WHEN 'year earlier' THEN comparison_period || ' (the same months a year earlier)'
               WHEN 'baseline' THEN baseline_period || ' (' || comparison_period || '), the plan''s baseline, as ' || year_earlier_gap
           END AS compared_with,
           year_earlier_gap
           || CASE WHEN baseline_last_month IS NULL THEN ' and the plan''s baseline ' || baseline_period || ' has no data'
                   ELSE ' and ' || period || ' does not come after the plan''s baseline ' || baseline_period END AS why_not_compared
    FROM tested
),
decided AS (
    SELECT *,
           CASE
               WHEN value IS NULL THEN 'no data'
               WHEN target_kind = 'numeric' THEN
                   CASE WHEN (better = 'lower' AND value <= target_value) OR (better = 'higher' AND value >= target_value) THEN 'on track'
                        WHEN abs(value - target_value) <= abs(target_value) * tolerance_percent / 100 THEN 'at risk'
                        ELSE 'off track' END
               WHEN comparison_kind = 'none' THEN 'no comparable period'
               WHEN comparison_value IS NULL THEN 'no data'
               WHEN direction = 'reduce' THEN
                   CASE WHEN is_significant AND value < comparison_value THEN 'on track' WHEN is_significant THEN 'off track' ELSE 'at risk' END
               WHEN direction = 'increase' THEN
                   CASE WHEN is_significant AND value > comparison_value THEN 'on track' WHEN is_significant THEN 'off track' ELSE 'at risk' END
               ELSE CASE WHEN is_significant AND is_worse THEN 'off track' ELSE 'on track' END
           END AS status,
           CASE WHEN change IS NULL THEN printf('%.4g', value) || ' against ' || printf('%.4g', comparison_value)
                WHEN change >= 0 THEN 'up ' || printf('%.1f', change * 100) || '%'
                ELSE 'down ' || printf('%.1f', -change * 100) || '%' END AS change_words
    FROM judged
)
SELECT
    plan_id, plan_title, plan_version, objective_id, objective_title, objective_order, measure_id, measure_title, metric, crime_types,
    area_type, area_code, area_name, period, period_type, financial_year, months_covered,
    round(value, 4) AS value,
    incidents, positive_outcomes, population,
    baseline_period, round(baseline_value, 4) AS baseline_value, baseline_months_covered,
    comparison_kind, comparison_period, round(comparison_value, 4) AS comparison_value, comparison_months_covered,
    year_earlier_period, year_earlier_months_loaded, round(year_earlier_value, 4) AS year_earlier_value,
    target_kind, direction, target_value, tolerance_percent,
    round(change * 100, 1) AS change_percent,
    round(ratio_ci_low, 3) AS ratio_ci_low, round(ratio_ci_high, 3) AS ratio_ci_high,
    coalesce(is_significant, false) AS is_significant,
    evidence_count < 10 AS is_small_count,
    coalesce(months_covered <> comparison_months_covered, false) AS compares_partial_periods,
    status, statuses.label AS status_label, statuses.symbol AS status_symbol, statuses.colour AS status_colour,
    statuses.display_order AS status_order,
    CASE
        WHEN value IS NULL THEN 'no data for ' || period
        WHEN target_kind = 'numeric' THEN
            'target ' || printf('%.4g', target_value) || ' (' || better || ' is better): value ' || printf('%.4g', value)
            || CASE WHEN (better = 'lower' AND value <= target_value) OR (better = 'higher' AND value >= target_value) THEN ' meets it'
                    WHEN abs(value - target_value) <= abs(target_value) * tolerance_percent / 100 THEN ' misses it by less than ' || printf('%g', tolerance_percent) || '%'
                    ELSE ' misses it by more than ' || printf('%g', tolerance_percent) || '%' END
            || CASE WHEN comparison_kind = 'none' THEN '; no comparable period: ' || why_not_compared
                    WHEN comparison_value IS NULL THEN '; no data for ' || compared_with
                    ELSE '; ' || change_words || ' on ' || compared_with END
        WHEN comparison_kind = 'none' THEN 'no comparable period, so not judged: ' || why_not_compared
        WHEN comparison_value IS NULL THEN 'no data for ' || compared_with
        ELSE direction || ': ' || change_words || ' on ' || compared_with || '; '
            || CASE WHEN metric = 'positive_outcome_rate'
                    THEN CASE WHEN is_significant THEN 'a statistically significant change (difference beyond 1.96 standard errors)'
                              ELSE 'not a statistically significant change (difference within 1.96 standard errors)' END
                    ELSE CASE WHEN is_significant THEN 'a statistically significant change (95% interval of the rate ratio '
                                   || printf('%.2f', ratio_ci_low) || ' to ' || printf('%.2f', ratio_ci_high) || ' excludes 1)'
                              ELSE 'not a statistically significant change (95% interval of the rate ratio '
                                   || printf('%.2f', ratio_ci_low) || ' to ' || printf('%.2f', ratio_ci_high) || ' includes 1)' END END
    END
    || CASE WHEN evidence_count < 10 THEN '; fewer than 10 incidents, read with care' ELSE '' END
    || CASE WHEN months_covered <> comparison_months_covered THEN '; compares ' || months_covered || ' months with a ' || comparison_months_covered || '-month baseline' ELSE '' END
    AS status_rule
FROM decided
LEFT JOIN seeds.plan_statuses AS statuses USING (status)
ORDER BY plan_id, objective_order, measure_id, area_type DESC, area_code, period
