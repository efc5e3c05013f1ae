using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Charts;

/// <summary>The overview's figures and its one chart: recorded crime and anti-social behaviour by month.</summary>
public sealed class OverviewCharts(OverviewQueries queries, CrimePageQueries crime)
{
    public Headlines Headlines(ValidatedFilter filter) => queries.Headlines(filter.ForceArea, filter.Year);
    public IReadOnlyList<StatusCount> PlanStatus(ValidatedFilter filter) => queries.PlanStatus(filter.ForceArea, filter.Year);
    public Freshness Freshness(ValidatedFilter filter) => queries.Freshness(filter.ForceArea);

    public IReadOnlyList<ChartPanel> Build(ValidatedFilter filter) =>
        [CrimeCharts.IncidentsByMonth(crime.Monthly(AreaLevels.ForceArea, filter.ForceArea, filter.Year, null), filter.ForceAreaName, filter.Year)];
}
