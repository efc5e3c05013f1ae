-- ONS names and codes files for partnerships (CSP) and police force areas (PFA).
CREATE TABLE raw.ons_area_names (
    file_id         INTEGER NOT NULL,
    line_number     BIGINT NOT NULL,
    area_type       VARCHAR NOT NULL,   -- partnership | force_area
    area_code       VARCHAR,
    area_name       VARCHAR,
    area_name_welsh VARCHAR
);
