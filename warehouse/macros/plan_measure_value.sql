-- The one definition of a plan measure's value from its counts over some months: incidents per month, a rate per
-- 1,000 residents a year, or positive outcomes as a share of the crimes. A period, a single month and the same
-- months a year earlier are all valued by it, so they compare directly. (Its text names no model.)
CREATE OR REPLACE MACRO intermediate.plan_measure_value(metric, incidents, positive_outcomes, months_covered, population) AS
    CASE metric
        WHEN 'incidents' THEN incidents / nullif(months_covered, 0)
        WHEN 'rate_per_1000' THEN intermediate.per_1000_a_year(incidents, months_covered, population)
        WHEN 'positive_outcome_rate' THEN positive_outcomes / nullif(incidents, 0)
    END;
