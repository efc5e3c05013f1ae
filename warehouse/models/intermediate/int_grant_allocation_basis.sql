-- Each grant's districts (those its funding lines serve) with the basis formulas share it by, and each
-- district's share of that basis within the grant: 1/n, of recorded crime, of residents and of crimes per
-- 1,000 residents. The basis year is the grant's financial year, or the nearest earlier year with crime data
-- (the earliest later one if there is none).
WITH grant_districts AS (
    SELECT DISTINCT lines.funding_stream AS grant_name, lines.financial_year, lines.district_code, district.force_area_code
    FROM intermediate.int_funding_lines_apportioned AS lines
    JOIN core.dim_district AS district ON district.district_code = lines.district_code AND district.is_current
    WHERE lines.budget_arrangement = 'grant'
),
basis_years AS (
    SELECT DISTINCT force_area_code, financial_year FROM intermediate.int_allocation_basis
),
with_basis_year AS (
    SELECT grant_districts.*,
           coalesce((SELECT max(b.financial_year) FROM basis_years AS b
                     WHERE b.force_area_code = grant_districts.force_area_code AND b.financial_year <= grant_districts.financial_year),
                    (SELECT min(b.financial_year) FROM basis_years AS b WHERE b.force_area_code = grant_districts.force_area_code)) AS basis_year
    FROM grant_districts
),
basis AS (
    SELECT with_basis_year.grant_name, with_basis_year.financial_year, with_basis_year.force_area_code, with_basis_year.basis_year,
           allocation.district_code, allocation.district_name, allocation.months_covered,
           allocation.recorded_crimes, allocation.population, allocation.crimes_per_1000
    FROM with_basis_year
    JOIN intermediate.int_allocation_basis AS allocation
      ON allocation.financial_year = with_basis_year.basis_year AND allocation.district_code = with_basis_year.district_code
)
SELECT
    basis.*,
    1.0 / count(*) OVER grant_area AS fixed_share,
    coalesce(recorded_crimes / nullif(sum(recorded_crimes) OVER grant_area, 0), 0) AS crime_share,
    coalesce(population / nullif(sum(population) OVER grant_area, 0), 0) AS population_share,
    coalesce(crimes_per_1000 / nullif(sum(crimes_per_1000) OVER grant_area, 0), 0) AS crime_rate_share
FROM basis
WINDOW grant_area AS (PARTITION BY grant_name, financial_year, force_area_code)
