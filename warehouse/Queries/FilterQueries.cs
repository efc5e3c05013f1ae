using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record DistrictOption(string Code, string Name);

/// <param name="ForceAreaCode">The police force area the district or partnership belongs to.</param>
public sealed record AreaOption(string Code, string Name, string ForceAreaCode);

/// <summary>The values the dashboard's filters may take: what the published warehouse actually holds.</summary>
public sealed class FilterQueries(IWarehouseReader reader)
{
    /// <summary>Police force areas with crime data, by name.</summary>
    public IReadOnlyList<AreaOption> ForceAreas()
    {
        using var connection = reader.Open();
        return connection.Query<AreaOption>("""
            SELECT area_code AS Code, any_value(area_name) AS Name, any_value(force_area_code) AS ForceAreaCode
            FROM marts.crime_rates_by_area_year WHERE area_type = 'force_area'
            GROUP BY area_code ORDER BY Name
            """).ToList();
    }

    /// <summary>Financial years with crime data for the force area, newest first, with the months each covers.</summary>
    public IReadOnlyList<(string Year, int MonthsCovered)> FinancialYears(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<(string, int)>("""
            SELECT financial_year, CAST(months_covered AS INTEGER)
            FROM marts.crime_rates_by_area_year
            WHERE area_type = 'force_area' AND area_code = $force_area AND crime_type = $all_crime
            ORDER BY financial_year DESC
            """, new { force_area = forceArea, all_crime = AreaLevels.AllRecordedCrime }).ToList();
    }

    /// <summary>Today's districts of the force area, by name.</summary>
    public IReadOnlyList<DistrictOption> Districts(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictOption>("""
            SELECT DISTINCT area_code AS Code, area_name AS Name FROM marts.crime_rates_by_area_year
            WHERE area_type = 'district' AND force_area_code = $force_area ORDER BY Name, Code
            """, new { force_area = forceArea }).ToList();
    }

    /// <summary>The district with this code in any force area with data, or null.</summary>
    public AreaOption? District(string code)
    {
        using var connection = reader.Open();
        return connection.QueryFirstOrDefault<AreaOption>("""
            SELECT area_code AS Code, area_name AS Name, force_area_code AS ForceAreaCode FROM marts.crime_rates_by_area_year
            WHERE area_type = 'district' AND area_code = $code LIMIT 1
            """, new { code });
    }

    /// <summary>The crime types data.police.uk publishes, in their display order, anti-social behaviour included.</summary>
    public IReadOnlyList<string> CrimeTypes()
    {
        using var connection = reader.Open();
        return connection.Query<string>("""
            SELECT crime_type FROM marts.crime_rates_by_area_year
            WHERE area_type = 'force_area' AND crime_type <> $all_crime
            GROUP BY crime_type ORDER BY min(display_order), crime_type
            """, new { all_crime = AreaLevels.AllRecordedCrime }).ToList();
    }
}
