-- ONS statistical nearest neighbours: for each district (LTLA) or upper-tier area (UTLA), its neighbours by rank.
CREATE TABLE raw.ons_nearest_neighbours (
    file_id             INTEGER NOT NULL,
    line_number         BIGINT NOT NULL,
    level               VARCHAR,
    area_code           VARCHAR,
    area_name           VARCHAR,
    rank                VARCHAR,
    neighbour_code      VARCHAR,
    neighbour_name      VARCHAR,
    relative_distance   VARCHAR
);
