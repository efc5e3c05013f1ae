-- ONS mid-year district estimates for several years in one table (one column per mid-year), as in the
-- DERIVED_ons_mye_mid2021_to_mid2024_by_lad23.csv series that sums merged districts into their successors.
CREATE TABLE raw.ons_population_series (
    file_id         INTEGER NOT NULL,
    line_number     BIGINT NOT NULL,
    area_code       VARCHAR,
    area_name       VARCHAR,
    geography       VARCHAR,
    pop_mid2021     VARCHAR,
    pop_mid2022     VARCHAR,
    pop_mid2023     VARCHAR,
    pop_mid2024     VARCHAR
);
