-- model: marts.crime_records_set_aside
-- Nothing is lost after loading either: every street row loaded from a current file is counted in
-- core.fct_crime_records or set aside as a repeat of a counted crime, never both and never neither.
WITH placed AS (
    SELECT source_file_id AS file_id, source_line_number AS line_number, 'counted' AS place FROM core.fct_crime_records
    UNION ALL
    SELECT source_file_id, source_line_number, 'set aside' FROM marts.crime_records_set_aside
),
by_file AS (
    SELECT file_id,
           count(*) FILTER (WHERE place = 'counted') AS rows_counted,
           count(*) FILTER (WHERE place = 'set aside') AS rows_set_aside,
           count(*) - count(DISTINCT line_number) AS rows_placed_twice
    FROM placed
    GROUP BY file_id
)
SELECT files.file_id, files.source_path, files.rows_loaded,
       coalesce(by_file.rows_counted, 0) AS rows_counted, coalesce(by_file.rows_set_aside, 0) AS rows_set_aside,
       coalesce(by_file.rows_placed_twice, 0) AS rows_placed_twice
FROM meta.source_files AS files
LEFT JOIN by_file ON by_file.file_id = files.file_id
WHERE files.status = 'loaded' AND files.source_kind = 'police_street'
  AND (files.rows_loaded <> coalesce(by_file.rows_counted, 0) + coalesce(by_file.rows_set_aside, 0)
       OR coalesce(by_file.rows_placed_twice, 0) > 0)
