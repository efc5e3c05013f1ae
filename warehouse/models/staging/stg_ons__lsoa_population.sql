-- ONS mid-year estimates by LSOA, typed.
SELECT
    population.file_id,
    population.estimate_year,
    population.lsoa_vintage,
    upper(trim(population.lsoa_code)) AS lsoa_code,
    CAST(population.population AS BIGINT) AS population
FROM raw.ons_lsoa_population AS population
JOIN meta.source_files AS files ON files.file_id = population.file_id
WHERE files.status = 'loaded'
