-- model: core.fct_crime_records
-- severity: warn
-- Every published outcome wording is in warehouse/seeds/outcome_categories.csv; new wordings count as
-- unknown (not positive) until someone maps them. After an incremental build, the rows it read.
SELECT DISTINCT last_outcome_category AS wording
FROM staging.stg_police__street_records
WHERE last_outcome_category IS NOT NULL AND intermediate.in_crime_scope(crime_id, file_id)
  AND last_outcome_category NOT IN (SELECT outcome_wording FROM core.dim_outcome)
UNION
SELECT DISTINCT outcome_type
FROM staging.stg_police__outcome_events
WHERE intermediate.in_crime_scope(crime_id, file_id) AND outcome_type NOT IN (SELECT outcome_wording FROM core.dim_outcome)
