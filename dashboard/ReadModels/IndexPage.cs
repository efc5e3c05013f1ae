using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything the overview shows: the year's headline figures, plan status, freshness and crime by month.</summary>
/// <param name="PlanStatus">How many of the force area's measures have each status; empty when no plan results are loaded.</param>
/// <param name="HeadlineStatus">The status the plan card leads with: the vocabulary's first (marts.plan_statuses), the aim being met.</param>
public sealed record IndexPage(
    ValidatedFilter Filter, Headlines Headlines, IReadOnlyList<StatusCount> PlanStatus, string HeadlineStatus, Freshness Freshness,
    IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    public long HeadlineMeasures => PlanStatus.FirstOrDefault(s => s.Status == HeadlineStatus)?.Measures ?? 0;

    public IReadOnlyList<StatusCount> OtherStatuses => [.. PlanStatus.Where(s => s.Status != HeadlineStatus)];
}
