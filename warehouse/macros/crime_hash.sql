-- A Crime ID as a 64-bit number, which the models keep beside the ID so that an incremental build can find the other
-- rows of its Crime IDs by one pass over eight bytes a row instead of over the 64-character IDs (warehouse/scope).
-- DuckDB's hash() may change between engine versions: the engine's version is part of the build fingerprint, so
-- a new engine builds every model anew. NULL for a row without a Crime ID (anti-social behaviour).
CREATE OR REPLACE MACRO intermediate.crime_hash(crime_id) AS
    CASE WHEN crime_id IS NOT NULL THEN hash(crime_id) END;
