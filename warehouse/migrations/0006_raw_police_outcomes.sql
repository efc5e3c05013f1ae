-- data.police.uk outcomes files: one outcome event per row, joined to crimes by Crime ID.
CREATE TABLE raw.police_outcomes (
    file_id         INTEGER NOT NULL,
    line_number     BIGINT NOT NULL,
    crime_id        VARCHAR,
    month           VARCHAR,
    reported_by     VARCHAR,
    falls_within    VARCHAR,
    longitude       VARCHAR,
    latitude        VARCHAR,
    location        VARCHAR,
    lsoa_code       VARCHAR,
    lsoa_name       VARCHAR,
    outcome_type    VARCHAR
);
