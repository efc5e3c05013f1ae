-- Whether a row is in this build's scope: here, as published and for a full build, every row. An incremental build
-- (ModelBuilder, see warehouse/README.md "Incremental builds") replaces these with warehouse/scope/changed_rows.sql
-- while it builds and tests, and puts these back before the snapshot is published.
CREATE OR REPLACE MACRO intermediate.in_crime_scope(crime_id, file_id) AS true;

CREATE OR REPLACE MACRO intermediate.in_record_scope(file_id, line_number) AS true;

CREATE OR REPLACE MACRO intermediate.in_month_scope(month_key) AS true;
