using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record Headlines(decimal Allocated, decimal Spent, long RecordedCrimes, long PositiveOutcomes, long AntiSocialBehaviour);
public sealed record StatusCount(string Status, long Measures);
public sealed record Freshness(DateTime? LatestMonth, DateTime? LastSuccessfulLoad, string? RunId);

/// <summary>The overview page's figures for one force area and financial year.</summary>
public sealed class OverviewQueries(IWarehouseReader reader)
{
    public Headlines Headlines(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.QuerySingle<Headlines>("""
            SELECT
                (SELECT CAST(coalesce(sum(allocated), 0) AS DECIMAL(18, 2)) FROM marts.spend_by_district_year AS spend
                 JOIN core.dim_district AS district ON district.district_code = spend.district_code AND district.is_current
                 WHERE spend.financial_year = $year AND district.force_area_code = $force_area) AS Allocated,
                (SELECT CAST(coalesce(sum(spent), 0) AS DECIMAL(18, 2)) FROM marts.spend_by_district_year AS spend
                 JOIN core.dim_district AS district ON district.district_code = spend.district_code AND district.is_current
                 WHERE spend.financial_year = $year AND district.force_area_code = $force_area) AS Spent,
                CAST(coalesce(sum(incidents) FILTER (WHERE crime_type <> 'Anti-social behaviour'), 0) AS BIGINT) AS RecordedCrimes,
                CAST(coalesce(sum(positive_outcomes) FILTER (WHERE crime_type <> 'Anti-social behaviour'), 0) AS BIGINT) AS PositiveOutcomes,
                CAST(coalesce(sum(incidents) FILTER (WHERE crime_type = 'Anti-social behaviour'), 0) AS BIGINT) AS AntiSocialBehaviour
            FROM marts.crime_by_district_month
            WHERE force_code = $force_area AND financial_year = $year
            """, new { force_area = forceArea, year });
    }

    /// <summary>How many plan measures are on track, at risk or off track for the force area over the year.</summary>
    public IReadOnlyList<StatusCount> PlanStatus(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.Query<StatusCount>("""
            SELECT status AS Status, count(*) AS Measures FROM marts.objective_performance
            WHERE area_code = $force_area AND period = $year
            GROUP BY status
            ORDER BY CASE status WHEN 'on track' THEN 1 WHEN 'at risk' THEN 2 WHEN 'off track' THEN 3 ELSE 4 END
            """, new { force_area = forceArea, year }).ToList();
    }

    public Freshness Freshness(string forceArea)
    {
        using var connection = reader.Open();
        return connection.QuerySingle<Freshness>("""
            SELECT (SELECT CAST(max(month) AS TIMESTAMP) FROM marts.crime_by_district_month WHERE force_code = $force_area) AS LatestMonth,
                   (SELECT max(finished_at) FROM meta.load_runs WHERE status = 'published') AS LastSuccessfulLoad,
                   (SELECT arg_max(run_id, finished_at) FROM meta.load_runs WHERE status = 'published') AS RunId
            """, new { force_area = forceArea });
    }
}
