using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record DistrictOption(string Code, string Name);

/// <summary>The values the dashboard's filters may take: what the published warehouse actually holds.</summary>
public sealed class FilterQueries(IWarehouseReader reader)
{
    /// <summary>Financial years with crime data for the force area, newest first, with the months each covers.</summary>
    public IReadOnlyList<(string Year, int MonthsCovered)> FinancialYears(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<(string, int)>("""
            SELECT financial_year, CAST(count(DISTINCT month) AS INTEGER)
            FROM marts.crime_by_district_month WHERE force_code = $force_area
            GROUP BY financial_year ORDER BY financial_year DESC
            """, new { force_area = forceArea }).ToList();
    }

    public IReadOnlyList<DistrictOption> Districts(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictOption>("""
            SELECT district_code AS Code, district_name AS Name FROM core.dim_district
            WHERE is_current AND force_area_code = $force_area ORDER BY district_name
            """, new { force_area = forceArea }).ToList();
    }

    public IReadOnlyList<string> CrimeTypes()
    {
        using var connection = reader.Open();
        return connection.Query<string>("SELECT crime_type FROM core.dim_crime_type WHERE crime_type_key <> 'unknown' ORDER BY display_order").ToList();
    }

    public string ForceAreaName(string forceArea)
    {
        using var connection = reader.Open();
        return connection.ExecuteScalar<string?>(
            "SELECT any_value(force_area_name) FROM core.dim_district WHERE force_area_code = $force_area", new { force_area = forceArea }) ?? forceArea;
    }
}
