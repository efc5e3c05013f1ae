-- ONS LSOA 2011 to LSOA 2021 to district lookups (the exact-fit lookup): one row per pair of 2011 and 2021 LSOAs,
-- so a 2011 LSOA that was split, or a 2021 LSOA made by merging, appears on several rows.
CREATE TABLE raw.ons_lsoa_changes (
    file_id             INTEGER NOT NULL,
    line_number         BIGINT NOT NULL,
    lsoa11_code         VARCHAR,
    lsoa11_name         VARCHAR,
    lsoa21_code         VARCHAR,
    lsoa21_name         VARCHAR,
    change_indicator    VARCHAR,   -- U unchanged, S split, M merged, X redrawn
    district_code       VARCHAR,
    district_name       VARCHAR
);
