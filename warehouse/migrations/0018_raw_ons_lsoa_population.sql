-- ONS mid-year estimates by LSOA: the weights that share a split district's residents between its partnerships.
CREATE TABLE raw.ons_lsoa_population (
    file_id         INTEGER NOT NULL,
    line_number     BIGINT NOT NULL,
    estimate_year   INTEGER NOT NULL,   -- from the header (midYYYY_population)
    lsoa_vintage    INTEGER NOT NULL,   -- 2011 or 2021, from the header (LSOA11CD / LSOA21CD)
    lsoa_code       VARCHAR,
    population      VARCHAR
);
