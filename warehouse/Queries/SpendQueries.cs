using Dapper;

namespace Analytics.Warehouse.Queries;

/// <param name="IllustrativeAllocated">The part of <paramref name="Allocated"/> from lines marked illustrative (not published).</param>
/// <param name="ApportionedAllocated">The part of <paramref name="Allocated"/> from lines shared out by population.</param>
/// <param name="SpendPerCrime">NULL when the district has no recorded crime in the year.</param>
public sealed record DistrictSpend(
    string DistrictCode, string DistrictName, decimal Allocated, decimal Spent, decimal IllustrativeAllocated, decimal ApportionedAllocated,
    long? Population, double? SpendPer1000Population, double? SpendPerCrime);

/// <param name="Dimension">funder, funding_stream, commissioning_model or budget_arrangement.</param>
public sealed record SpendBreakdown(string Dimension, string Value, decimal Allocated, decimal Spent, decimal IllustrativeAllocated);

/// <summary>Money that went one way from a funder, through a stream, to a district and the service it paid for.</summary>
public sealed record SpendFlow(string Funder, string FundingStream, string DistrictName, string CommissionedService, decimal Allocated);

/// <summary>One funding return line, summed over the districts in view.</summary>
public sealed record SpendLine(
    string Funder, string FundingStream, string Recipient, string CommissionedService, string CommissioningModel, string BudgetArrangement,
    string Source, bool IsApportioned, string ApportionmentRule, long Districts, decimal Allocated, decimal? Spent);

/// <summary>Where community safety money goes: marts.spend_by_district_year and marts.value_for_money for one force area and year.</summary>
public sealed class SpendQueries(IWarehouseReader reader)
{
    // The districts of the force area in the year (optionally one of them), with their residents and spend per
    // 1,000 residents from marts.area_profile_by_year: the rows every query below is narrowed to.
    private const string Districts = """
        districts AS (
            SELECT area_code AS district_code, area_name AS district_name, population, spend_per_1000_population
            FROM marts.area_profile_by_year
            WHERE area_type = 'district' AND force_area_code = $force_area AND financial_year = $year
              AND ($district IS NULL OR area_code = $district))
        """;

    private const string ByDistrictSql = $"""
            WITH {Districts},
            spend AS (
                SELECT district_code,
                       CAST(sum(allocated) AS DECIMAL(18, 2)) AS allocated,
                       CAST(coalesce(sum(spent), 0) AS DECIMAL(18, 2)) AS spent,
                       CAST(coalesce(sum(allocated) FILTER (WHERE source = 'illustrative'), 0) AS DECIMAL(18, 2)) AS illustrative,
                       CAST(coalesce(sum(allocated) FILTER (WHERE is_apportioned), 0) AS DECIMAL(18, 2)) AS apportioned
                FROM marts.spend_by_district_year WHERE financial_year = $year AND force_area_code = $force_area GROUP BY district_code)
            SELECT districts.district_code AS DistrictCode, districts.district_name AS DistrictName,
                   coalesce(spend.allocated, 0) AS Allocated, coalesce(spend.spent, 0) AS Spent,
                   coalesce(spend.illustrative, 0) AS IllustrativeAllocated, coalesce(spend.apportioned, 0) AS ApportionedAllocated,
                   districts.population AS Population, districts.spend_per_1000_population AS SpendPer1000Population,
                   CASE WHEN vfm.recorded_crimes > 0 THEN vfm.spend_per_crime END AS SpendPerCrime
            FROM districts
            LEFT JOIN spend USING (district_code)
            LEFT JOIN marts.value_for_money AS vfm ON vfm.district_code = districts.district_code AND vfm.financial_year = $year
            ORDER BY districts.district_name
            """;

    private const string BreakdownsSql = $"""
            WITH {Districts}
            SELECT CASE WHEN GROUPING(funder) = 0 THEN 'funder'
                        WHEN GROUPING(funding_stream) = 0 THEN 'funding_stream'
                        WHEN GROUPING(commissioning_model) = 0 THEN 'commissioning_model'
                        ELSE 'budget_arrangement' END AS Dimension,
                   coalesce(funder, funding_stream, commissioning_model, budget_arrangement) AS Value,
                   CAST(sum(allocated) AS DECIMAL(18, 2)) AS Allocated,
                   CAST(coalesce(sum(spent), 0) AS DECIMAL(18, 2)) AS Spent,
                   CAST(coalesce(sum(allocated) FILTER (WHERE source = 'illustrative'), 0) AS DECIMAL(18, 2)) AS IllustrativeAllocated
            FROM marts.spend_by_district_year JOIN districts USING (district_code)
            WHERE financial_year = $year
            GROUP BY GROUPING SETS ((funder), (funding_stream), (commissioning_model), (budget_arrangement))
            ORDER BY Dimension, Allocated DESC, Value
            """;

    private const string FlowsSql = $"""
            WITH {Districts}
            SELECT funder AS Funder, funding_stream AS FundingStream, districts.district_name AS DistrictName,
                   commissioned_service AS CommissionedService, CAST(sum(allocated) AS DECIMAL(18, 2)) AS Allocated
            FROM marts.spend_by_district_year JOIN districts USING (district_code)
            WHERE financial_year = $year
            GROUP BY ALL ORDER BY ALL
            """;

    private const string LinesSql = $"""
            WITH {Districts}
            SELECT funder AS Funder, funding_stream AS FundingStream, recipient AS Recipient, commissioned_service AS CommissionedService,
                   commissioning_model AS CommissioningModel, budget_arrangement AS BudgetArrangement, source AS Source,
                   is_apportioned AS IsApportioned, apportionment_rule AS ApportionmentRule, count(*) AS Districts,
                   CAST(sum(allocated) AS DECIMAL(18, 2)) AS Allocated,
                   CAST(sum(spent) AS DECIMAL(18, 2)) AS Spent
            FROM marts.spend_by_district_year JOIN districts USING (district_code)
            WHERE financial_year = $year
            GROUP BY return_line_key, funder, funding_stream, recipient, commissioned_service, commissioning_model, budget_arrangement,
                     source, is_apportioned, apportionment_rule
            ORDER BY Funder, FundingStream, Allocated DESC, Recipient
            """;

    /// <summary>Every district of the force area (or the one asked for), with spend or without.</summary>
    public IReadOnlyList<DistrictSpend> ByDistrict(string forceArea, string year, string? district)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictSpend>(ByDistrictSql, new { force_area = forceArea, year, district }).ToList();
    }

    /// <summary>Allocated and spent by funder, funding stream, commissioning model and budget arrangement, biggest first.</summary>
    public IReadOnlyList<SpendBreakdown> Breakdowns(string forceArea, string year, string? district)
    {
        using var connection = reader.Open();
        return connection.Query<SpendBreakdown>(BreakdownsSql, new { force_area = forceArea, year, district }).ToList();
    }

    /// <summary>Spent per 1,000 residents of one area (a district or the force area) in the year, as the mart works it out.</summary>
    public double? SpentPer1000(string areaType, string areaCode, string year)
    {
        using var connection = reader.Open();
        return connection.ExecuteScalar<double?>("""
            SELECT spend_per_1000_population FROM marts.area_profile_by_year
            WHERE area_type = $area_type AND area_code = $area_code AND financial_year = $year
            """, new { area_type = areaType, area_code = areaCode, year });
    }

    public IReadOnlyList<SpendFlow> Flows(string forceArea, string year, string? district)
    {
        using var connection = reader.Open();
        return connection.Query<SpendFlow>(FlowsSql, new { force_area = forceArea, year, district }).ToList();
    }

    public IReadOnlyList<SpendLine> Lines(string forceArea, string year, string? district)
    {
        using var connection = reader.Open();
        return connection.Query<SpendLine>(LinesSql, new { force_area = forceArea, year, district }).ToList();
    }
}
