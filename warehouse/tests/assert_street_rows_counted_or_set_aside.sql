-- model: marts.crime_records_set_aside
-- Nothing is lost after loading either: every street row loaded from a current file is counted in
-- core.fct_crime_records or set aside as a repeat of a counted crime, never both and never neither. After an
-- incremental build, the files with a row it placed again (every row of them).
WITH files_in_scope AS (
    SELECT source_file_id AS file_id FROM core.fct_crime_records WHERE intermediate.in_crime_scope(crime_id, source_file_id)
    UNION
    SELECT source_file_id FROM marts.crime_records_set_aside WHERE intermediate.in_crime_scope(crime_id, source_file_id)
    UNION
    SELECT file_id FROM meta.source_files WHERE intermediate.in_crime_scope(NULL, file_id)
),
placed AS (
    SELECT source_file_id AS file_id, source_line_number AS line_number, 'counted' AS place
    FROM core.fct_crime_records WHERE source_file_id IN (SELECT file_id FROM files_in_scope)
    UNION ALL
    SELECT source_file_id, source_line_number, 'set aside'
    FROM marts.crime_records_set_aside WHERE source_file_id IN (SELECT file_id FROM files_in_scope)
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
WHERE files.status = 'loaded' AND files.source_kind = 'police_street' AND files.file_id IN (SELECT file_id FROM files_in_scope)
  AND (files.rows_loaded <> coalesce(by_file.rows_counted, 0) + coalesce(by_file.rows_set_aside, 0)
       OR coalesce(by_file.rows_placed_twice, 0) > 0)
