-- One row per distinct source file ever loaded. A republished force-month (or a changed lookup)
-- marks its predecessor 'superseded'; only 'loaded' files feed the models.
CREATE TABLE meta.source_files (
    file_id         INTEGER PRIMARY KEY,
    run_id          VARCHAR NOT NULL,
    source_path     VARCHAR NOT NULL,   -- as the user named it, e.g. kent.zip!2025-01/2025-01-kent-street.csv
    file_name       VARCHAR NOT NULL,
    source_kind     VARCHAR NOT NULL,
    replaces_key    VARCHAR NOT NULL,   -- files with the same key replace each other
    sha256          VARCHAR NOT NULL,
    size_bytes      BIGINT NOT NULL,
    period          VARCHAR,            -- YYYY-MM for police files, YYYY for population estimates
    force_slug      VARCHAR,
    rows_read       BIGINT NOT NULL,
    rows_loaded     BIGINT NOT NULL,
    rows_rejected   BIGINT NOT NULL,
    status          VARCHAR NOT NULL,   -- loaded | superseded
    superseded_by   INTEGER,
    loaded_at       TIMESTAMP NOT NULL
);
