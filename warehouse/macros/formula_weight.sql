-- One district's share of a grant under an allocation formula (warehouse/seeds/allocation_formulas.csv),
-- from its component shares (computed in the int_allocation_basis model):
--   share = (fixed_weight      * 1 / number of districts
--            + crime_weight      * its recorded crimes / all districts' recorded crimes
--            + population_weight * its residents / all districts' residents
--            + crime_rate_weight * its crimes per 1,000 residents / the sum of every district's crimes per 1,000 residents)
--           / (fixed_weight + crime_weight + population_weight + crime_rate_weight)
-- The Home Office Community Safety Fund formula is crime_rate_weight = 1 and the others 0.
CREATE OR REPLACE MACRO intermediate.formula_weight(
        fixed_weight, crime_weight, population_weight, crime_rate_weight,
        fixed_share, crime_share, population_share, crime_rate_share) AS
    (fixed_weight * fixed_share + crime_weight * crime_share + population_weight * population_share + crime_rate_weight * crime_rate_share)
    / nullif(fixed_weight + crime_weight + population_weight + crime_rate_weight, 0);
