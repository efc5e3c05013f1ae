-- Commissioned service returns: quarterly activity figures from providers.
CREATE TABLE raw.service_returns (
    file_id             INTEGER NOT NULL,
    line_number         BIGINT NOT NULL,
    provider            VARCHAR,
    commissioned_service VARCHAR,
    financial_year      VARCHAR,
    financial_quarter   VARCHAR,
    measure             VARCHAR,
    value               VARCHAR,
    source              VARCHAR,
    notes               VARCHAR
);
