-- One row per ETL run that published this snapshot or an earlier one it descends from.
CREATE TABLE meta.load_runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    trigger         VARCHAR NOT NULL,
    status          VARCHAR NOT NULL,
    files_seen      INTEGER NOT NULL DEFAULT 0,
    files_loaded    INTEGER NOT NULL DEFAULT 0,
    rows_read       BIGINT NOT NULL DEFAULT 0,
    rows_loaded     BIGINT NOT NULL DEFAULT 0,
    rows_rejected   BIGINT NOT NULL DEFAULT 0,
    data_tests_run  INTEGER NOT NULL DEFAULT 0,
    data_tests_failed INTEGER NOT NULL DEFAULT 0,
    message         VARCHAR
);
