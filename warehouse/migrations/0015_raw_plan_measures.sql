-- The measures of each plan objective: what is computed from the marts, its baseline and its target.
CREATE TABLE raw.plan_measures (
    file_id             INTEGER NOT NULL,
    line_number         BIGINT NOT NULL,
    objective_id        VARCHAR NOT NULL,
    measure_id          VARCHAR NOT NULL,
    measure_title       VARCHAR NOT NULL,
    metric              VARCHAR NOT NULL,   -- rate_per_1000 | incidents | positive_outcome_rate
    crime_types         VARCHAR NOT NULL,   -- published crime types separated by ';', or 'all recorded crime'
    baseline_period     VARCHAR NOT NULL,   -- a financial year (2024/25) or quarter (2024/25 Q4)
    target_kind         VARCHAR NOT NULL,   -- direction | numeric
    direction           VARCHAR,            -- reduce | increase | maintain
    target_value        DOUBLE,
    tolerance_percent   DOUBLE
);
