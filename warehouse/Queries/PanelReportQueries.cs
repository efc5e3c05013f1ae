using Dapper;

namespace Analytics.Warehouse.Queries;

/// <param name="IsIllustrative">Some of the stream's lines are illustrative (never published).</param>
public sealed record StreamSpend(string FundingStream, decimal Allocated, decimal? Spent, bool IsIllustrative);

public sealed record PanelDistrictValue(
    string DistrictName, long MonthsCovered, bool IsPartialYear, long Population, long RecordedCrimes, decimal Spent,
    double? SpendPerCrime, double? SpendPer1000Population, double? CrimesPer1000, double? CrimesPer1000Low, double? CrimesPer1000High);

/// <summary>The Police and Crime Panel report: plan periods, spend by funding stream and value for money by district.</summary>
public sealed class PanelReportQueries(IWarehouseReader reader)
{
    /// <summary>Periods the plan has results for in the force area: each year, then its quarters, newest year first.</summary>
    public IReadOnlyList<(string Period, string FinancialYear)> Periods(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<(string, string)>("""
            SELECT DISTINCT period, financial_year FROM marts.objective_performance WHERE area_code = $force_area
            ORDER BY financial_year DESC, CASE WHEN period = financial_year THEN 0 ELSE 1 END, period
            """, new { force_area = forceArea }).ToList();
    }

    public IReadOnlyList<StreamSpend> SpendByStream(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.Query<StreamSpend>("""
            SELECT spend.funding_stream AS FundingStream,
                   CAST(sum(spend.allocated) AS DECIMAL(18, 2)) AS Allocated,
                   CAST(sum(spend.spent) AS DECIMAL(18, 2)) AS Spent,
                   bool_or(spend.source = 'illustrative') AS IsIllustrative
            FROM marts.spend_by_district_year AS spend
            WHERE spend.financial_year = $year AND spend.force_area_code = $force_area
            GROUP BY spend.funding_stream
            ORDER BY Allocated DESC, FundingStream
            """, new { force_area = forceArea, year }).ToList();
    }

    public IReadOnlyList<PanelDistrictValue> ValueForMoney(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.Query<PanelDistrictValue>("""
            SELECT vfm.district_name AS DistrictName, vfm.months_covered AS MonthsCovered, vfm.is_partial_year AS IsPartialYear,
                   vfm.population AS Population, vfm.recorded_crimes AS RecordedCrimes, CAST(vfm.spent AS DECIMAL(18, 2)) AS Spent,
                   vfm.spend_per_crime AS SpendPerCrime, vfm.spend_per_1000_population AS SpendPer1000Population,
                   vfm.crimes_per_1000_population AS CrimesPer1000, vfm.crimes_per_1000_ci_low AS CrimesPer1000Low,
                   vfm.crimes_per_1000_ci_high AS CrimesPer1000High
            FROM marts.value_for_money AS vfm
            WHERE vfm.financial_year = $year AND vfm.force_area_code = $force_area
            ORDER BY vfm.district_name
            """, new { force_area = forceArea, year }).ToList();
    }
}
