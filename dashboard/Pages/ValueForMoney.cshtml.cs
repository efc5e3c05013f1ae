using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Pages;

public sealed class ValueForMoneyModel(ValueForMoneyCharts value, FilterOptions filters) : ChartPageModel(filters)
{
    public IReadOnlyList<DistrictValue> Districts { get; private set; } = [];
    public ForceAreaValue Average { get; private set; } = null!;

    /// <summary>Months of crime data behind the year's figures (the most any district has).</summary>
    public long MonthsCovered => Districts.Count == 0 ? 0 : Districts.Max(d => d.MonthsCovered);
    public bool IsPartialYear => Districts.Any(d => d.IsPartialYear);

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        Districts = value.Districts(filter);
        Average = value.ForceArea(filter);
        if (!Average.HasSpend) return [];
        return ValueForMoneyCharts.Build(filter, Districts, Average);
    }
}
