using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /districts/{code} shows; District is null when no force area with data has the code asked for.</summary>
/// <param name="AskedCode">The code as the address gave it, for the page that says it was not found.</param>
/// <param name="ForceArea">The force area as a whole, from the marts: every record its force published, so more than its districts add up to.</param>
public sealed record DistrictPage(
    ValidatedFilter Filter, string AskedCode, DistrictOption? District, DistrictRateRow? Rate, DistrictRateRow? ForceArea,
    IReadOnlyList<DistrictSpendRow> Spend, IReadOnlyList<DistrictMeasureRow> Measures, IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    public decimal Allocated => Spend.Sum(s => s.Allocated);
    public decimal Spent => Spend.Sum(s => s.Spent ?? 0);
}
