using Dapper;

namespace Analytics.Warehouse.Queries;

/// <param name="PositiveOutcomeRate">Recorded crimes with a positive outcome over recorded crimes, as marts.crime_rates_by_area_year defines it.</param>
/// <param name="HasSpend">Funding returns are loaded for the force area and year.</param>
public sealed record Headlines(
    decimal Allocated, decimal Spent, long RecordedCrimes, long PositiveOutcomes, double? PositiveOutcomeRate, long AntiSocialBehaviour, bool HasSpend)
{
    public static readonly Headlines None = new(0, 0, 0, 0, null, 0, false);
}
public sealed record StatusCount(string Status, long Measures);
public sealed record Freshness(DateTime? LatestMonth, DateTime? LastSuccessfulLoad, string? RunId);

/// <summary>The overview page's figures for one force area and financial year.</summary>
public sealed class OverviewQueries(IWarehouseReader reader)
{
    /// <summary>The force area as a whole (every record its force published) from marts.area_profile_by_year.</summary>
    public Headlines Headlines(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.QuerySingleOrDefault<Headlines>("""
            SELECT CAST(coalesce(allocated, 0) AS DECIMAL(18, 2)) AS Allocated, CAST(coalesce(spent, 0) AS DECIMAL(18, 2)) AS Spent,
                   coalesce(recorded_crimes, 0) AS RecordedCrimes, coalesce(positive_outcomes, 0) AS PositiveOutcomes,
                   positive_outcome_rate AS PositiveOutcomeRate, coalesce(anti_social_behaviour, 0) AS AntiSocialBehaviour,
                   has_spend AS HasSpend
            FROM marts.area_profile_by_year
            WHERE area_type = 'force_area' AND area_code = $force_area AND financial_year = $year
            """, new { force_area = forceArea, year }) ?? Analytics.Warehouse.Queries.Headlines.None;
    }

    /// <summary>How many plan measures have each status for the force area over the year, in the statuses' display order.</summary>
    public IReadOnlyList<StatusCount> PlanStatus(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.Query<StatusCount>("""
            SELECT status AS Status, count(*) AS Measures FROM marts.objective_performance
            WHERE area_code = $force_area AND period = $year
            GROUP BY status
            ORDER BY min(status_order)
            """, new { force_area = forceArea, year }).ToList();
    }

    public Freshness Freshness(string forceArea)
    {
        using var connection = reader.Open();
        return connection.QuerySingle<Freshness>("""
            SELECT (SELECT CAST(max(month) AS TIMESTAMP) FROM marts.crime_by_area_month WHERE area_type = 'force_area' AND area_code = $force_area) AS LatestMonth,
                   (SELECT max(finished_at) FROM meta.load_runs WHERE status = $published) AS LastSuccessfulLoad,
                   (SELECT arg_max(run_id, finished_at) FROM meta.load_runs WHERE status = $published) AS RunId
            """, new { force_area = forceArea, published = Analytics.Warehouse.Storage.RunStatus.Published });
    }
}
