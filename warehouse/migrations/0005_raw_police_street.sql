-- data.police.uk street files: crime and anti-social behaviour records, text as published.
CREATE TABLE raw.police_street (
    file_id                 INTEGER NOT NULL,
    line_number             BIGINT NOT NULL,
    crime_id                VARCHAR,
    month                   VARCHAR,
    reported_by             VARCHAR,
    falls_within            VARCHAR,
    longitude               VARCHAR,
    latitude                VARCHAR,
    location                VARCHAR,
    lsoa_code               VARCHAR,
    lsoa_name               VARCHAR,
    crime_type              VARCHAR,
    last_outcome_category   VARCHAR,
    context                 VARCHAR
);
