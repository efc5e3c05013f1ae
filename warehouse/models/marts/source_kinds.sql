-- Each kind of source file the ETL loads (warehouse/seeds/source_kinds.csv), its publisher, and each raw table it
-- fills, so that lineage can go from a model's raw tables to the files that fed them.
SELECT
    kinds.source_kind,
    kinds.name,
    kinds.publisher,
    kinds.description,
    trim(raw_table) AS raw_table
FROM seeds.source_kinds AS kinds,
     unnest(string_split(kinds.raw_tables, ';')) AS tables(raw_table)
