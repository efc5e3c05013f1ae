-- Residents of every area for each financial year, from the districts' estimates (the one population rule,
-- intermediate.int_population_by_financial_year): a partnership is the sum of its districts' residents, a split
-- district counting with its share (intermediate.int_district_partnerships); a force area the sum of its districts.
SELECT 'district' AS area_type, population.district_code AS area_code, district.force_area_code,
       population.financial_year, population.population,
       population.estimate_source
FROM intermediate.int_population_by_financial_year AS population
JOIN core.dim_district AS district ON district.district_code = population.district_code AND district.is_current
UNION ALL
SELECT 'partnership', bridge.partnership_code, any_value(bridge.force_area_code),
       population.financial_year, CAST(round(sum(population.population * bridge.population_share)) AS BIGINT),
       string_agg(DISTINCT population.estimate_source, '; ')
FROM intermediate.int_population_by_financial_year AS population
JOIN intermediate.int_district_partnerships AS bridge ON bridge.district_code = population.district_code
GROUP BY bridge.partnership_code, population.financial_year
UNION ALL
SELECT 'force_area', district.force_area_code, district.force_area_code,
       population.financial_year, CAST(sum(population.population) AS BIGINT),
       string_agg(DISTINCT population.estimate_source, '; ')
FROM intermediate.int_population_by_financial_year AS population
JOIN core.dim_district AS district ON district.district_code = population.district_code AND district.is_current
WHERE district.force_area_code <> 'UNKNOWN'
GROUP BY district.force_area_code, population.financial_year
