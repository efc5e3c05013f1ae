-- Every record the crime figures count, one row each, with where it came from: the drill-through behind a count.
-- A view, not a table: at national scale a second copy of thirty million records would double the snapshot,
-- and a listing reads one area and year at a time. Which figures count a record is
-- intermediate.int_crime_records_classified's rule: force_area_code for the force area (every record its force
-- published), district_code and partnership_code for a district and a partnership (NULL where none counts it).
SELECT
    records.force_area_code,
    records.counted_district_code AS district_code,
    records.counted_partnership_code AS partnership_code,
    month.month,
    records.month_key,
    month.financial_year,
    records.crime_type,
    records.is_recorded_crime,
    facts.crime_id,
    facts.location,
    facts.published_lsoa_code AS lsoa_code,
    geography.lsoa_name,
    outcome.outcome_wording AS last_outcome,
    files.source_path,
    records.source_file_id,
    records.source_line_number
FROM intermediate.int_crime_records_classified AS records
JOIN core.fct_crime_records AS facts
    ON facts.source_file_id = records.source_file_id AND facts.source_line_number = records.source_line_number
JOIN core.dim_month AS month ON month.month_key = records.month_key
JOIN core.dim_geography AS geography ON geography.geography_key = facts.geography_key
JOIN core.dim_outcome AS outcome ON outcome.outcome_key = facts.last_outcome_key
JOIN meta.source_files AS files ON files.file_id = records.source_file_id
