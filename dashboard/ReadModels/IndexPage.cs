using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything the overview shows: the year's headline figures, plan status, freshness and crime by month.</summary>
public sealed record IndexPage(
    ValidatedFilter Filter, Headlines Headlines, IReadOnlyList<StatusCount> PlanStatus, Freshness Freshness, IReadOnlyList<ChartPanel> Charts) : IChartPage;
