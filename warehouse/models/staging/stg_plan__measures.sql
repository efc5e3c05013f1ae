-- Plan measures from the current version of each plan file, with their plan.
SELECT objectives.plan_id, objectives.force_area_code, measures.*
FROM raw.plan_measures AS measures
JOIN meta.source_files AS files ON files.file_id = measures.file_id
JOIN raw.plan_objectives AS objectives ON objectives.file_id = measures.file_id AND objectives.objective_id = measures.objective_id
WHERE files.status = 'loaded'
