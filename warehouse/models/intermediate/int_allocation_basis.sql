-- What allocation formulas share grants by: for each force area and financial year with crime data, each
-- current district's recorded crime (anti-social behaviour apart), residents and crimes per 1,000 residents a year.
SELECT
    crime.financial_year,
    crime.force_area_code,
    crime.district_code,
    district.district_name,
    crime.months_covered,
    crime.recorded_crimes,
    population.population,
    population.estimate_source,
    intermediate.per_1000_a_year(crime.recorded_crimes, crime.months_covered, population.population) AS crimes_per_1000
FROM intermediate.int_crime_by_district_year AS crime
JOIN core.dim_district AS district ON district.district_code = crime.district_code AND district.is_current
JOIN intermediate.int_population_by_financial_year AS population
  ON population.district_code = crime.district_code AND population.financial_year = crime.financial_year
