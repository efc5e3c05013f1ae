-- Funding returns (CSV or Excel, in the template of etl/README.md): what each funder allocated and spent.
CREATE TABLE raw.funding_returns (
    file_id                 INTEGER NOT NULL,
    line_number             BIGINT NOT NULL,   -- CSV line, or spreadsheet row
    financial_year          VARCHAR,
    funder                  VARCHAR,
    funding_stream          VARCHAR,
    recipient               VARCHAR,
    recipient_type          VARCHAR,
    commissioned_service    VARCHAR,
    area_served             VARCHAR,           -- district GSS codes separated by ';', or a police force area code
    commissioning_model     VARCHAR,
    budget_arrangement      VARCHAR,
    amount_allocated        VARCHAR,
    amount_spent            VARCHAR,
    source                  VARCHAR,           -- published | illustrative
    source_url              VARCHAR,
    notes                   VARCHAR
);
