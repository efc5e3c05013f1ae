-- Which street row counts for each crime. A force may publish one Crime ID on more than one row, within a
-- file or in several months' files, with another location or another outcome. The crime counts once, from
-- the row that comes first by this rule, whatever the order of the files and of the lines in them:
--   1. the located row (it has an LSOA code) before a `No Location` one;
--   2. the more final outcome (finality in warehouse/seeds/outcome_categories.csv, via core.dim_outcome);
--   3. the later month;
--   4. the newer file (loaded last);
--   5. the row's content (SHA-256 of its published text): only identical rows are left to their line number.
-- Anti-social behaviour rows carry no Crime ID: each is an incident of its own and always counts.
WITH street_rows AS (
    SELECT
        records.file_id,
        records.line_number,
        records.force_slug,
        records.crime_id,
        records.month,
        records.lsoa_code IS NOT NULL AS is_located,
        records.last_outcome_category,
        coalesce(outcomes.finality, 0) AS outcome_finality,
        sha256(records.published_text) AS content_hash,
        records.published_text
    FROM staging.stg_police__street_records AS records
    LEFT JOIN core.dim_outcome AS outcomes ON outcomes.outcome_wording = records.last_outcome_category
),
ranked AS (
    SELECT
        *,
        row_number() OVER same_crime AS place_in_crime,
        first_value(file_id) OVER same_crime AS first_file_id,
        first_value(line_number) OVER same_crime AS first_line_number
    FROM street_rows
    WHERE crime_id IS NOT NULL
    WINDOW same_crime AS (
        PARTITION BY force_slug, crime_id
        ORDER BY is_located DESC, outcome_finality DESC, month DESC, file_id DESC, content_hash, line_number)
)
SELECT
    file_id, line_number, force_slug, crime_id, month, is_located, last_outcome_category, outcome_finality,
    content_hash, published_text,
    place_in_crime = 1 AS is_counted,
    first_file_id AS kept_file_id,
    first_line_number AS kept_line_number
FROM ranked
UNION ALL
SELECT
    file_id, line_number, force_slug, crime_id, month, is_located, last_outcome_category, outcome_finality,
    content_hash, published_text,
    true, file_id, line_number
FROM street_rows
WHERE crime_id IS NULL
