using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record CrimeFilter(string? FinancialYear = null, string? DistrictCode = null, string? CrimeType = null, string? ForceCode = null);

public sealed record CrimeByDistrictMonthRow(
    string ForceCode, string ForceName, string DistrictCode, string DistrictName, DateTime Month,
    string FinancialYear, string CrimeType, long Incidents, long PositiveOutcomes);

public sealed record DistrictPopulationRow(string DistrictCode, string DistrictName, int EstimateYear, long Population, string EstimateSource);

/// <summary>Reads the crime marts. Every filter value is bound as a parameter.</summary>
public sealed class CrimeQueries(IWarehouseReader reader)
{
    public IReadOnlyList<CrimeByDistrictMonthRow> CrimeByDistrictMonth(CrimeFilter filter)
    {
        using var connection = reader.Open();
        return connection.Query<CrimeByDistrictMonthRow>("""
            SELECT force_code AS ForceCode, force_name AS ForceName, district_code AS DistrictCode,
                   district_name AS DistrictName, CAST(month AS TIMESTAMP) AS Month, financial_year AS FinancialYear,
                   crime_type AS CrimeType, incidents AS Incidents, positive_outcomes AS PositiveOutcomes
            FROM marts.crime_by_district_month
            WHERE ($financial_year IS NULL OR financial_year = $financial_year)
              AND ($district_code IS NULL OR district_code = $district_code)
              AND ($crime_type IS NULL OR crime_type = $crime_type)
              AND ($force_code IS NULL OR force_code = $force_code)
            ORDER BY force_code, district_code, month, crime_type
            """,
            new { financial_year = filter.FinancialYear, district_code = filter.DistrictCode, crime_type = filter.CrimeType, force_code = filter.ForceCode })
            .ToList();
    }

    public IReadOnlyList<DistrictPopulationRow> DistrictPopulations(int? estimateYear = null)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictPopulationRow>("""
            SELECT district_code AS DistrictCode, district_name AS DistrictName, estimate_year AS EstimateYear,
                   population AS Population, estimate_source AS EstimateSource
            FROM marts.population_by_district_year
            WHERE $estimate_year IS NULL OR estimate_year = $estimate_year
            ORDER BY district_code, estimate_year
            """, new { estimate_year = estimateYear }).ToList();
    }
}
