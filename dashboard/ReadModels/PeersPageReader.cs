using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /peers: one comparison from <see cref="PeerQueries"/>, its charts and table from <see cref="PeerCharts"/>.</summary>
public sealed class PeersPageReader(FilterOptions filters, PeerQueries queries)
{
    public PeersPage Read(DashboardFilter asked)
    {
        var filter = filters.Validate(asked);
        var comparison = queries.Comparison(filter.ForceArea, filter.Year, filter.CrimeType, filter.District);
        return new PeersPage(filter, comparison, PeerCharts.Neighbours(comparison), PeerCharts.Build(comparison));
    }
}
