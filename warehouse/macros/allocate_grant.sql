-- The allocation engine for one grant with weights given as arguments: each district the grant serves, its
-- formula share and its amount to the penny. marts.allocation_model applies the same two scalar macros to
-- every grant and every formula in the seeds; the dashboard's what-if calls this with the weights a person chooses.
CREATE OR REPLACE MACRO marts.allocate_grant(grant, year, force_area, total, fixed_weight, crime_weight, population_weight, crime_rate_weight) AS TABLE
WITH shares AS (
    SELECT basis.*,
           intermediate.formula_weight(fixed_weight, crime_weight, population_weight, crime_rate_weight,
               fixed_share, crime_share, population_share, crime_rate_share) AS formula_share
    FROM intermediate.int_grant_allocation_basis AS basis
    WHERE grant_name = grant AND financial_year = year AND force_area_code = force_area
),
split AS (
    SELECT list(district_code ORDER BY district_code) AS districts,
           intermediate.split_to_pence(total, list(formula_share ORDER BY district_code)) AS amounts
    FROM shares
)
SELECT shares.district_code, shares.district_name, shares.basis_year, shares.recorded_crimes, shares.population,
       shares.months_covered, shares.formula_share,
       split.amounts[list_position(split.districts, shares.district_code)] AS formula_amount
FROM shares, split
ORDER BY shares.district_code;
