-- model: raw.police_street
-- Every row counted as loaded from a current police file is in the raw tables.
WITH kept AS (
    SELECT file_id, count(*) AS n FROM raw.police_street GROUP BY file_id
    UNION ALL
    SELECT file_id, count(*) FROM raw.police_outcomes GROUP BY file_id
)
SELECT files.file_id, files.source_path, files.rows_loaded, coalesce(sum(kept.n), 0) AS rows_in_raw
FROM meta.source_files AS files
LEFT JOIN kept ON kept.file_id = files.file_id
WHERE files.status = 'loaded' AND files.source_kind IN ('police_street', 'police_outcomes')
GROUP BY ALL
HAVING files.rows_loaded <> coalesce(sum(kept.n), 0)
