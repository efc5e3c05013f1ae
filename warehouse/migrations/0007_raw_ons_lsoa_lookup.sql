-- ONS LSOA to local authority district lookups, 2011 and 2021 LSOAs, any vintage of district codes.
CREATE TABLE raw.ons_lsoa_lookup (
    file_id         INTEGER NOT NULL,
    line_number     BIGINT NOT NULL,
    lsoa_vintage    INTEGER NOT NULL,   -- 2011 or 2021, from the header (LSOA11CD / LSOA21CD)
    lsoa_code       VARCHAR,
    lsoa_name       VARCHAR,
    district_code   VARCHAR,
    district_name   VARCHAR
);
