-- model: core.fct_crime_records
-- A crime is one Crime ID: it is counted once per force, whatever the month (the other rows are set aside).
SELECT force_key, crime_id, count(*) AS copies
FROM core.fct_crime_records
WHERE crime_id IS NOT NULL
GROUP BY ALL
HAVING count(*) > 1
