-- The one definition of a rate per 1,000 residents a year: a count from months_covered months of data, scaled to
-- twelve months, per 1,000 residents. Every model that states a rate uses it (the crime rates mart, the plan
-- measures, the allocation basis), so no two of them scale a partial year differently. (Its text names no model,
-- so it is created before the models.)
CREATE OR REPLACE MACRO intermediate.per_1000_a_year(incidents, months_covered, population) AS
    1000.0 * incidents * 12 / nullif(months_covered, 0) / nullif(population, 0);
