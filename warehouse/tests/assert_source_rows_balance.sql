-- model: meta.source_files
-- Nothing is lost: every file's rows read equal its rows loaded plus its rows rejected, and the rejects
-- recorded for the file are exactly the rows it rejected.
SELECT files.file_id, files.source_path, files.rows_read, files.rows_loaded, files.rows_rejected, count(rejects.line_number) AS rejects_kept
FROM meta.source_files AS files
LEFT JOIN meta.rejects AS rejects ON rejects.file_id = files.file_id
GROUP BY ALL
HAVING files.rows_read <> files.rows_loaded + files.rows_rejected
    OR count(rejects.line_number) <> files.rows_rejected
