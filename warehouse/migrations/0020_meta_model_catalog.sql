-- The model catalog of the code that built this snapshot (warehouse/models), written at every publish, so that a
-- figure's lineage is told from the snapshot shown and not from whatever code the dashboard runs.
CREATE TABLE meta.models (
    model           VARCHAR PRIMARY KEY,   -- schema.table
    materialized    VARCHAR NOT NULL,
    description     VARCHAR NOT NULL,
    grain           VARCHAR NOT NULL
);
-- What each model's SQL reads: another model, a raw table, a seed or a meta table.
CREATE TABLE meta.model_reads (
    model           VARCHAR NOT NULL,
    reads           VARCHAR NOT NULL,      -- schema.table
    reads_kind      VARCHAR NOT NULL       -- model | raw | seeds | meta
);
-- The columns each model's YAML describes.
CREATE TABLE meta.model_columns (
    model           VARCHAR NOT NULL,
    column_name     VARCHAR NOT NULL,
    description     VARCHAR NOT NULL
);
