-- model: core.fct_crime_records
-- A crime is one Crime ID: it is counted once per force, whatever the month (the other rows are set aside).
-- After an incremental build, the Crime IDs it ranked again (each with all its rows).
SELECT force_key, crime_id, count(*) AS copies
FROM core.fct_crime_records
WHERE crime_id IS NOT NULL AND intermediate.in_crime_scope(crime_id, source_file_id)
GROUP BY ALL
HAVING count(*) > 1
