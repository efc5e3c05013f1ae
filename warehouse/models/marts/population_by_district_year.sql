-- District populations by estimate year with current names, for rates per 1,000 residents.
SELECT
    district.district_code,
    district.district_name,
    district.partnership_code,
    district.force_area_code,
    population.estimate_year,
    population.population,
    population.estimate_source
FROM core.fct_population AS population
JOIN core.dim_district AS district ON district.district_code = population.district_code AND district.is_current
ORDER BY district.district_code, population.estimate_year
