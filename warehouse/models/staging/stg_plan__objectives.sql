-- Police and Crime Plan objectives from the current version of each plan file.
SELECT objectives.*
FROM raw.plan_objectives AS objectives
JOIN meta.source_files AS files ON files.file_id = objectives.file_id
WHERE files.status = 'loaded'
