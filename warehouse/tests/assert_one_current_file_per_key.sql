-- model: meta.source_files
-- A republished force-month (or a changed lookup) replaces its predecessor: one current file per key.
SELECT replaces_key, count(*) AS current_files
FROM meta.source_files
WHERE status = 'loaded'
GROUP BY replaces_key
HAVING count(*) > 1
