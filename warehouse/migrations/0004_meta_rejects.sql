-- Every source row that was not loaded, with where it came from and why.
CREATE TABLE meta.rejects (
    file_id         INTEGER NOT NULL,
    run_id          VARCHAR NOT NULL,
    source_path     VARCHAR NOT NULL,
    line_number     BIGINT NOT NULL,
    field           VARCHAR,
    reason          VARCHAR NOT NULL,
    raw_text        VARCHAR
);
