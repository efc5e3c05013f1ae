using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /peers shows: the comparison, its ranked charts, and every district's nearest neighbours.</summary>
/// <param name="Neighbours">Every district of the force area with its neighbours: the table on the page and its CSV.</param>
public sealed record PeersPage(ValidatedFilter Filter, PeerComparison Comparison, DataTable Neighbours, IReadOnlyList<ChartPanel> Charts) : IChartPage;
