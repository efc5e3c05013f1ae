-- ONS mid-year population estimates by geography, every level as published.
CREATE TABLE raw.ons_population (
    file_id         INTEGER NOT NULL,
    line_number     BIGINT NOT NULL,
    estimate_year   INTEGER NOT NULL,   -- the mid-year of the estimate, from the file name
    area_code       VARCHAR,
    area_name       VARCHAR,
    geography       VARCHAR,
    population      VARCHAR
);
