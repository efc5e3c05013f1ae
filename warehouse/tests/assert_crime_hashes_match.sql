-- model: core.fct_crime_records
-- Every Crime ID's hash is the one intermediate.crime_hash gives it now: an incremental build finds a Crime ID's rows
-- by its hash, and would miss those of a hash made otherwise.
SELECT 'core.fct_crime_records' AS model, source_file_id AS file_id, source_line_number AS line_number
FROM core.fct_crime_records
WHERE crime_hash IS DISTINCT FROM intermediate.crime_hash(crime_id) AND intermediate.in_crime_scope(crime_id, source_file_id)
UNION ALL
SELECT 'intermediate.int_street_records_ranked', file_id, line_number
FROM intermediate.int_street_records_ranked
WHERE crime_hash IS DISTINCT FROM intermediate.crime_hash(crime_id) AND intermediate.in_crime_scope(crime_id, file_id)
UNION ALL
SELECT 'core.fct_outcome_events', source_file_id, source_line_number
FROM core.fct_outcome_events
WHERE crime_hash IS DISTINCT FROM intermediate.crime_hash(crime_id) AND intermediate.in_crime_scope(crime_id, source_file_id)
