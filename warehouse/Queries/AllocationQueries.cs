using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>A grant that can be shared out by formula: one funding stream's grant lines in one year.</summary>
public sealed record GrantOption(string GrantName, string FinancialYear, decimal GrantTotal, long Districts);

/// <summary>One district's amount under one formula, beside what it actually received.</summary>
public sealed record FormulaAllocation(
    string FormulaId, string FormulaName, string DistrictCode, string DistrictName, string BasisYear, long BasisMonthsCovered,
    long BasisRecordedCrimes, long BasisPopulation, decimal GrantTotal, double FormulaShare, decimal FormulaAmount, decimal ActualAmount, decimal Difference);

/// <summary>One district's amount under weights chosen on the spot, beside what it actually received.</summary>
public sealed record WhatIfAllocation(
    string DistrictCode, string DistrictName, string BasisYear, long RecordedCrimes, long Population, double FormulaShare,
    decimal FormulaAmount, decimal ActualAmount, decimal Difference);

/// <summary>Weights for the allocation engine, in any units (they are divided by their sum).</summary>
public sealed record AllocationWeights(double Fixed, double Crime, double Population, double CrimeRate);

/// <summary>How each formula would share out a grant: marts.allocation_model, and marts.allocate_grant for what-if weights.</summary>
public sealed class AllocationQueries(IWarehouseReader reader)
{
    public IReadOnlyList<GrantOption> Grants(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<GrantOption>("""
            SELECT grant_name AS GrantName, financial_year AS FinancialYear, CAST(any_value(grant_total) AS DECIMAL(18, 2)) AS GrantTotal,
                   count(DISTINCT district_code) AS Districts
            FROM marts.allocation_model WHERE force_area_code = $force_area
            GROUP BY grant_name, financial_year
            ORDER BY financial_year DESC, grant_name
            """, new { force_area = forceArea }).ToList();
    }

    public IReadOnlyList<FormulaAllocation> ByFormula(string grant, string year, string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<FormulaAllocation>("""
            SELECT formula_id AS FormulaId, formula_name AS FormulaName, district_code AS DistrictCode, district_name AS DistrictName,
                   basis_year AS BasisYear, basis_months_covered AS BasisMonthsCovered, basis_recorded_crimes AS BasisRecordedCrimes,
                   basis_population AS BasisPopulation, CAST(grant_total AS DECIMAL(18, 2)) AS GrantTotal, formula_share AS FormulaShare,
                   CAST(formula_amount AS DECIMAL(18, 2)) AS FormulaAmount, CAST(actual_amount AS DECIMAL(18, 2)) AS ActualAmount,
                   CAST(difference AS DECIMAL(18, 2)) AS Difference
            FROM marts.allocation_model
            WHERE grant_name = $grant AND financial_year = $year AND force_area_code = $force_area
            ORDER BY formula_id, district_name
            """, new { grant, year, force_area = forceArea }).ToList();
    }

    /// <summary>
    /// The allocation engine run with the given weights over the grant's whole total; nothing is stored. The actual
    /// amounts are the grant's lines apportioned to each district, as in marts.allocation_model.
    /// </summary>
    public IReadOnlyList<WhatIfAllocation> WhatIf(string grant, string year, string forceArea, decimal total, AllocationWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        using var connection = reader.Open();
        return connection.Query<WhatIfAllocation>("""
            WITH actual AS (
                SELECT district_code, CAST(any_value(actual_amount) AS DECIMAL(18, 2)) AS actual_amount
                FROM marts.allocation_model
                WHERE grant_name = $grant AND financial_year = $year AND force_area_code = $force_area
                GROUP BY district_code)
            SELECT what_if.district_code AS DistrictCode, what_if.district_name AS DistrictName, what_if.basis_year AS BasisYear,
                   what_if.recorded_crimes AS RecordedCrimes, what_if.population AS Population, what_if.formula_share AS FormulaShare,
                   CAST(what_if.formula_amount AS DECIMAL(18, 2)) AS FormulaAmount,
                   CAST(coalesce(actual.actual_amount, 0) AS DECIMAL(18, 2)) AS ActualAmount,
                   CAST(coalesce(actual.actual_amount, 0) - what_if.formula_amount AS DECIMAL(18, 2)) AS Difference
            FROM marts.allocate_grant($grant, $year, $force_area, $total, $fixed, $crime, $population, $rate) AS what_if
            LEFT JOIN actual USING (district_code)
            ORDER BY DistrictName
            """, new { grant, year, force_area = forceArea, total, @fixed = weights.Fixed, crime = weights.Crime, population = weights.Population, rate = weights.CrimeRate }).ToList();
    }
}
