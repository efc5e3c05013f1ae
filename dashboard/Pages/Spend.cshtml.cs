using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Pages;

public sealed class SpendModel(SpendCharts spend, FilterOptions filters) : ChartPageModel(filters)
{
    public IReadOnlyList<DistrictSpend> Districts { get; private set; } = [];
    public IReadOnlyList<DistrictSpend> AllDistricts { get; private set; } = [];
    public IReadOnlyList<SpendLine> Lines { get; private set; } = [];

    public decimal Allocated => Districts.Sum(d => d.Allocated);
    public decimal Spent => Districts.Sum(d => d.Spent);
    public decimal Illustrative => Districts.Sum(d => d.IllustrativeAllocated);
    public decimal Apportioned => Districts.Sum(d => d.ApportionedAllocated);

    /// <summary>Spent per 1,000 residents of the district or force area in view (marts.area_profile_by_year).</summary>
    public double? SpentPer1000 { get; private set; }

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        Districts = spend.Districts(filter);
        AllDistricts = filter.District is null ? Districts : spend.AllDistricts(filter);
        Lines = spend.Lines(filter);
        if (Lines.Count == 0) return [];
        SpentPer1000 = spend.SpentPer1000(filter);
        return spend.Build(filter, Districts, AllDistricts);
    }
}
