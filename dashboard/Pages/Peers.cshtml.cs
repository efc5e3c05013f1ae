using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Pages;

/// <summary>The chosen force area beside every other force area loaded, and a district beside its ONS nearest neighbours.</summary>
public sealed class PeersModel(PeerQueries peers, FilterOptions filters) : ChartPageModel(filters)
{
    public PeerComparison Comparison { get; private set; } = null!;

    /// <summary>Every district of the force area with its neighbours: the table on the page and its CSV.</summary>
    public DataTable Neighbours => PeerCharts.Neighbours(Comparison);

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        Comparison = peers.Comparison(filter.ForceArea, filter.Year, filter.CrimeType, filter.District);
        return PeerCharts.Build(Comparison);
    }

    public IActionResult OnGetNeighboursCsv(DashboardFilter filter)
    {
        OnGet(filter);
        return File(CsvFile.For(Neighbours), "text/csv; charset=utf-8", $"nearest-neighbours-{Filter.Year.Replace('/', '-')}.csv");
    }
}
