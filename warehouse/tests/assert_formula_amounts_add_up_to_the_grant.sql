-- model: marts.allocation_model
-- Every allocation formula shares out exactly the grant, to the penny.
SELECT grant_name, financial_year, force_area_code, formula_id, any_value(grant_total) AS grant_total, sum(formula_amount) AS shared
FROM marts.allocation_model
GROUP BY ALL
HAVING sum(formula_amount) <> any_value(grant_total)
