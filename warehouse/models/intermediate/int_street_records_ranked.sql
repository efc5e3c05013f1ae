-- Which street row counts for each crime. A force may publish one Crime ID on more than one row, within a
-- file or in several months' files, with another location or another outcome. The crime counts once, from
-- the row that comes first by this rule, whatever the order of the files and of the lines in them:
--   1. the located row (it has an LSOA code) before a `No Location` one;
--   2. the more final outcome (finality in warehouse/seeds/outcome_categories.csv, via core.dim_outcome);
--   3. the later month;
--   4. the newer file (loaded last);
--   5. the row's content (SHA-256 of its published text): only identical rows are left to their line number.
-- Only the rows of a repeated Crime ID are kept here (a handful): every other street row counts, and
-- core.fct_crime_records takes it straight from staging. Anti-social behaviour rows carry no Crime ID: each is an
-- incident of its own and always counts.
-- An incremental build ranks again only the Crime IDs (and files) the run changed: every row of such a Crime ID is in
-- scope, so each crime is still ranked among all its rows.
WITH scoped_records AS (
    SELECT * FROM staging.stg_police__street_records WHERE intermediate.in_crime_scope(crime_id, file_id)
),
repeated_crimes AS (
    SELECT force_slug, crime_id
    FROM scoped_records
    WHERE crime_id IS NOT NULL
    GROUP BY force_slug, crime_id
    HAVING count(*) > 1
),
street_rows AS (
    SELECT
        records.file_id,
        records.line_number,
        records.force_slug,
        records.crime_id,
        records.month,
        records.lsoa_code IS NOT NULL AS is_located,
        records.last_outcome_category,
        coalesce(outcomes.finality, 0) AS outcome_finality
    FROM scoped_records AS records
    JOIN repeated_crimes
        ON repeated_crimes.force_slug IS NOT DISTINCT FROM records.force_slug AND repeated_crimes.crime_id = records.crime_id
    LEFT JOIN core.dim_outcome AS outcomes ON outcomes.outcome_wording = records.last_outcome_category
),
-- The line as published: from raw, because staging's typed fields no longer hold the text as published
-- (coordinates, Reported by, Context).
published_lines AS (
    SELECT
        street_rows.file_id,
        street_rows.line_number,
        concat_ws(',', intermediate.csv_field(street.crime_id), intermediate.csv_field(street.month), intermediate.csv_field(street.reported_by),
            intermediate.csv_field(street.falls_within), intermediate.csv_field(street.longitude), intermediate.csv_field(street.latitude),
            intermediate.csv_field(street.location), intermediate.csv_field(street.lsoa_code), intermediate.csv_field(street.lsoa_name),
            intermediate.csv_field(street.crime_type), intermediate.csv_field(street.last_outcome_category), intermediate.csv_field(street.context))
            AS published_text
    FROM street_rows
    JOIN raw.police_street AS street ON street.file_id = street_rows.file_id AND street.line_number = street_rows.line_number
),
hashed_lines AS (
    SELECT file_id, line_number, published_text, sha256(published_text) AS content_hash FROM published_lines
),
ranked AS (
    SELECT
        street_rows.*,
        hashed_lines.published_text,
        hashed_lines.content_hash,
        row_number() OVER same_crime AS place_in_crime,
        first_value(street_rows.file_id) OVER same_crime AS first_file_id,
        first_value(street_rows.line_number) OVER same_crime AS first_line_number
    FROM street_rows
    JOIN hashed_lines USING (file_id, line_number)
    WINDOW same_crime AS (
        PARTITION BY street_rows.force_slug, street_rows.crime_id
        ORDER BY street_rows.is_located DESC, street_rows.outcome_finality DESC, street_rows.month DESC,
                 street_rows.file_id DESC, hashed_lines.content_hash, street_rows.line_number)
)
SELECT
    file_id, line_number, force_slug, crime_id, intermediate.crime_hash(crime_id) AS crime_hash,
    month, is_located, last_outcome_category, outcome_finality,
    content_hash, published_text,
    place_in_crime = 1 AS is_counted,
    first_file_id AS kept_file_id,
    first_line_number AS kept_line_number
FROM ranked
