using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /spend shows: the money by district and funding line, and its charts (none without funding returns).</summary>
/// <param name="AllDistricts">Every district of the force area, for the per-resident comparison, whichever district is chosen.</param>
/// <param name="SpentPer1000">Spent per 1,000 residents of the district or force area in view (marts.area_profile_by_year).</param>
public sealed record SpendPage(
    ValidatedFilter Filter, IReadOnlyList<DistrictSpend> Districts, IReadOnlyList<DistrictSpend> AllDistricts, IReadOnlyList<SpendLine> Lines,
    double? SpentPer1000, IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    public decimal Allocated => Districts.Sum(d => d.Allocated);
    public decimal Spent => Districts.Sum(d => d.Spent);
    public decimal Illustrative => Districts.Sum(d => d.IllustrativeAllocated);
    public decimal Apportioned => Districts.Sum(d => d.ApportionedAllocated);

    /// <summary>Funding lines with no spend reported yet (they count as nothing spent).</summary>
    public int UnspentLines => Lines.Count(l => l.Spent is null);
}
