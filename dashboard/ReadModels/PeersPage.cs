using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /peers shows: the comparison, its ranked charts, and every district's nearest neighbours.</summary>
/// <param name="Neighbours">Every district of the force area with its neighbours: the table on the page and its CSV.</param>
public sealed record PeersPage(ValidatedFilter Filter, PeerComparison Comparison, DataTable Neighbours, IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    /// <summary>Peer force areas with figures for the year, and those with crime data but none for the year, and those not loaded.</summary>
    public IReadOnlyList<string> WithFigures => Comparison.ForceAreas.Select(a => a.AreaName).ToList();
    public IReadOnlyList<string> WithoutFigures =>
        Comparison.ForceAreaPeers.Where(p => p.HasCrimeData && Comparison.ForceAreas.All(a => a.AreaCode != p.PeerCode)).Select(p => p.PeerName).ToList();
    public IReadOnlyList<string> NotLoaded => Comparison.ForceAreaPeers.Where(p => !p.HasCrimeData).Select(p => p.PeerName).ToList();

    /// <summary>The population estimates the rates are per resident of, each named once.</summary>
    public IReadOnlyList<string> PopulationEstimates =>
        Comparison.ForceAreas.Concat(Comparison.DistrictComparison).Select(a => a.PopulationEstimate).OfType<string>().Distinct().ToList();

    public string? ForceAreaMethod => Comparison.ForceAreaPeers.Select(p => p.PeerMethod).FirstOrDefault();
    public IReadOnlyList<string> DistrictMethods => Comparison.DistrictPeers.Select(p => p.PeerMethod).Distinct().ToList();

    /// <summary>The chosen district's nearest neighbours, none when no district is chosen.</summary>
    public IReadOnlyList<PeerLink> ChosenNeighbours => Comparison.District is { } district ? Comparison.NeighboursOf(district.Code).ToList() : [];

    /// <summary>The chosen district's neighbours with no police data loaded, listed in the tables without figures.</summary>
    public IReadOnlyList<string> NeighboursWithoutData => ChosenNeighbours.Where(n => !n.HasCrimeData).Select(n => n.PeerName).ToList();
}
