-- ONS district to Community Safety Partnership to police force area lookup.
CREATE TABLE raw.ons_district_hierarchy (
    file_id             INTEGER NOT NULL,
    line_number         BIGINT NOT NULL,
    district_code       VARCHAR,
    district_name       VARCHAR,
    partnership_code    VARCHAR,
    partnership_name    VARCHAR,
    force_area_code     VARCHAR,
    force_area_name     VARCHAR
);
