-- The scope macros of an incremental build (BuildScope fills the temporary tables and variables they read, then
-- makes these): the rows of the Crime IDs and files the run changed; for a model that holds no Crime ID, the counted
-- records among them, as the last build left them (what it deletes) and as this one makes them (what its tests
-- check); and the months whose counts those rows change.
-- Each starts with a range of the row's integer file or month key, which DuckDB binds as constants and checks
-- while it scans (skipping row groups outside it), then the exact lookups. Every row of the run's own files is in
-- scope; a row of another file is when its Crime ID is, so only the Crime IDs in scope with a row in another file are
-- looked up (none when the run's Crime IDs are new).
CREATE OR REPLACE MACRO intermediate.in_crime_scope(crime_id, file_id) AS
    file_id BETWEEN getvariable('build_scope_first_file') AND getvariable('build_scope_last_file')
    AND file_id IN (SELECT scope.file_id FROM build_scope_touched_files AS scope)
    AND (file_id IN (SELECT scope.file_id FROM build_scope_files AS scope)
         OR crime_id IN (SELECT scope.crime_id FROM build_scope_crimes_elsewhere AS scope));

CREATE OR REPLACE MACRO intermediate.in_record_scope(file_id, line_number) AS
    file_id BETWEEN getvariable('build_scope_first_file') AND getvariable('build_scope_last_file')
    AND file_id IN (SELECT scope.file_id FROM build_scope_touched_files AS scope)
    AND (file_id, line_number) IN (
        SELECT (scope.file_id, scope.line_number) FROM build_scope_records AS scope
        UNION ALL
        SELECT (records.source_file_id, records.source_line_number) FROM core.fct_crime_records AS records
        WHERE intermediate.in_crime_scope(records.crime_id, records.source_file_id));

CREATE OR REPLACE MACRO intermediate.in_month_scope(month_key) AS
    month_key BETWEEN getvariable('build_scope_first_month') AND getvariable('build_scope_last_month')
    AND month_key IN (SELECT scope.month_key FROM build_scope_months AS scope);
