-- Street rows loaded but not counted: each repeats a crime (its force and Crime ID) that counts from another
-- row, chosen by the rule in intermediate.int_street_records_ranked. The reason names the row kept and what
-- told the two apart, so that nothing is lost and every choice can be checked.
SELECT
    aside.force_slug,
    aside.crime_id,
    aside.month,
    aside.file_id AS source_file_id,
    aside_file.source_path,
    aside.line_number AS source_line_number,
    aside.published_text AS raw_text,
    kept.file_id AS kept_file_id,
    kept_file.source_path AS kept_source_path,
    kept.line_number AS kept_line_number,
    CASE
        WHEN aside.is_located <> kept.is_located THEN 'the located row'
        WHEN aside.outcome_finality <> kept.outcome_finality
            THEN 'the more final outcome (' || coalesce(kept.last_outcome_category, 'none') || ' over '
                 || coalesce(aside.last_outcome_category, 'none') || ')'
        WHEN aside.month <> kept.month
            THEN 'the later month (' || strftime(kept.month, '%Y-%m') || ' over ' || strftime(aside.month, '%Y-%m') || ')'
        WHEN aside.file_id <> kept.file_id THEN 'the newer file'
        WHEN aside.content_hash = kept.content_hash THEN 'an identical row'
        ELSE 'the first by content (the smaller SHA-256 of the text), as nothing else tells the rows apart'
    END AS decided_by,
    'Crime ID ' || aside.crime_id || ' is counted once: kept ' || kept_file.source_path || ' line ' || kept.line_number
        || ', ' || decided_by
        || ' (the located row first, then the more final outcome, then the later month, then the newer file)' AS reason
FROM intermediate.int_street_records_ranked AS aside
JOIN intermediate.int_street_records_ranked AS kept
    ON kept.file_id = aside.kept_file_id AND kept.line_number = aside.kept_line_number
JOIN meta.source_files AS aside_file ON aside_file.file_id = aside.file_id
JOIN meta.source_files AS kept_file ON kept_file.file_id = kept.file_id
WHERE NOT aside.is_counted
ORDER BY aside.file_id, aside.line_number
