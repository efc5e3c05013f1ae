-- District estimates published as one column per mid-year, turned into one row per district and year.
SELECT file_id, line_number, CAST(estimate_year AS INTEGER) AS estimate_year, area_code, area_name, geography, population
FROM (
    SELECT
        series.file_id,
        series.line_number,
        upper(trim(series.area_code)) AS area_code,
        series.area_name,
        series.geography,
        CAST(series.pop_mid2021 AS BIGINT) AS "2021",
        CAST(series.pop_mid2022 AS BIGINT) AS "2022",
        CAST(series.pop_mid2023 AS BIGINT) AS "2023",
        CAST(series.pop_mid2024 AS BIGINT) AS "2024"
    FROM raw.ons_population_series AS series
    JOIN meta.source_files AS files ON files.file_id = series.file_id
    WHERE files.status = 'loaded'
) UNPIVOT (population FOR estimate_year IN ("2021", "2022", "2023", "2024"))
