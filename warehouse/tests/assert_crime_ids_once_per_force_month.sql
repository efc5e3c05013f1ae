-- model: core.fct_crime_records
-- A crime is one Crime ID: it appears once per force and month.
SELECT force_key, month_key, crime_id, count(*) AS copies
FROM core.fct_crime_records
WHERE crime_id IS NOT NULL
GROUP BY ALL
HAVING count(*) > 1
