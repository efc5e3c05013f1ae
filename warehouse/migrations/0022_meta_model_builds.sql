-- How each publishing run built the models: all of them anew ("full"), or only the rows of the crimes, files and
-- months it changed ("incremental", warehouse/README.md "Incremental builds"). The fingerprint is the SHA-256 of the
-- model, macro, seed and migration files that built them: a run may build incrementally only on models built by
-- the same code.
CREATE TABLE meta.model_builds (
    run_id          VARCHAR NOT NULL,
    built_at        TIMESTAMP NOT NULL,
    build_kind      VARCHAR NOT NULL,      -- full | incremental (Analytics.Warehouse.Schema.BuildKind)
    reason          VARCHAR NOT NULL,      -- why this kind: the changed files allowed it, or what forced a full build
    fingerprint     VARCHAR NOT NULL,
    files_in_scope  INTEGER,               -- incremental only: files loaded or superseded by the run
    crimes_in_scope BIGINT,                -- incremental only: Crime IDs whose rows were built again
    months_in_scope INTEGER,               -- incremental only: months whose counts were built again
    seconds         DOUBLE NOT NULL
);
