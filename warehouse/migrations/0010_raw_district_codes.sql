-- Every district code used since 2011 with the code that is active today (code history).
CREATE TABLE raw.district_codes (
    file_id             INTEGER NOT NULL,
    line_number         BIGINT NOT NULL,
    district_code       VARCHAR,
    district_name       VARCHAR,
    active_code         VARCHAR,
    active_name         VARCHAR,
    upper_tier_code     VARCHAR,
    upper_tier_name     VARCHAR,
    is_current          VARCHAR
);
