-- Whether a row is in this build's scope. A full build takes every row; an incremental build (ModelBuilder, see
-- warehouse/README.md "Incremental builds") only the rows of the Crime IDs and files the run changed, or of the
-- months whose counts those rows change. The scope is in the build's temporary tables; the variable says which.
CREATE OR REPLACE MACRO intermediate.in_crime_scope(crime_id, file_id) AS
    NOT getvariable('incremental_build')
    OR crime_id IN (SELECT scope.crime_id FROM build_scope_crimes AS scope)
    OR file_id IN (SELECT scope.file_id FROM build_scope_files AS scope);

CREATE OR REPLACE MACRO intermediate.in_month_scope(month_key) AS
    NOT getvariable('incremental_build')
    OR month_key IN (SELECT scope.month_key FROM build_scope_months AS scope);
