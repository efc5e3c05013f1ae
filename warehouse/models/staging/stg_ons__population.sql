-- ONS mid-year estimates as published, every geography level, typed.
SELECT
    population.file_id,
    population.line_number,
    population.estimate_year,
    upper(trim(population.area_code)) AS area_code,
    population.area_name,
    population.geography,
    CAST(population.population AS BIGINT) AS population
FROM raw.ons_population AS population
JOIN meta.source_files AS files ON files.file_id = population.file_id
WHERE files.status = 'loaded'
