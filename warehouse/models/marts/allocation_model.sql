-- Every grant (funding lines with budget_arrangement grant, totalled by stream, financial year and force area)
-- shared out among the districts it serves by every allocation formula in warehouse/seeds/allocation_formulas.csv,
-- beside what each district actually received (the lines apportioned to districts) and the difference.
WITH grants AS (
    SELECT lines.funding_stream AS grant_name, lines.financial_year, district.force_area_code,
           sum(lines.allocated) AS grant_total
    FROM intermediate.int_funding_lines_apportioned AS lines
    JOIN core.dim_district AS district ON district.district_code = lines.district_code AND district.is_current
    WHERE lines.budget_arrangement = 'grant'
    GROUP BY ALL
),
shares AS (
    SELECT basis.*, grants.grant_total, formulas.formula_id, formulas.formula_name,
           intermediate.formula_weight(formulas.fixed_weight, formulas.crime_weight, formulas.population_weight, formulas.crime_rate_weight,
               basis.fixed_share, basis.crime_share, basis.population_share, basis.crime_rate_share) AS formula_share
    FROM intermediate.int_grant_allocation_basis AS basis
    JOIN grants USING (grant_name, financial_year, force_area_code)
    CROSS JOIN seeds.allocation_formulas AS formulas
),
split AS (
    SELECT grant_name, financial_year, force_area_code, formula_id,
           list(district_code ORDER BY district_code) AS districts,
           intermediate.split_to_pence(any_value(grant_total), list(formula_share ORDER BY district_code)) AS amounts
    FROM shares
    GROUP BY ALL
),
received AS (
    SELECT funding_stream AS grant_name, financial_year, district_code, sum(allocated) AS actual_amount
    FROM intermediate.int_funding_lines_apportioned
    WHERE budget_arrangement = 'grant'
    GROUP BY ALL
)
SELECT
    shares.grant_name,
    shares.financial_year,
    shares.force_area_code,
    shares.formula_id,
    shares.formula_name,
    shares.district_code,
    shares.district_name,
    shares.basis_year,
    shares.months_covered AS basis_months_covered,
    shares.recorded_crimes AS basis_recorded_crimes,
    shares.population AS basis_population,
    shares.grant_total,
    shares.formula_share,
    split.amounts[list_position(split.districts, shares.district_code)] AS formula_amount,
    coalesce(received.actual_amount, 0) AS actual_amount,
    coalesce(received.actual_amount, 0) - split.amounts[list_position(split.districts, shares.district_code)] AS difference
FROM shares
JOIN split USING (grant_name, financial_year, force_area_code, formula_id)
LEFT JOIN received USING (grant_name, financial_year, district_code)
ORDER BY grant_name, financial_year, formula_id, district_code
