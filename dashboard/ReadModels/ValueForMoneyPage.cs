using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /value-for-money shows: what each result costs by district, the force-area average, and its charts.</summary>
public sealed record ValueForMoneyPage(
    ValidatedFilter Filter, IReadOnlyList<DistrictValue> Districts, ForceAreaValue Average, IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    /// <summary>Months of crime data behind the year's figures (the most any district has).</summary>
    public long MonthsCovered => Districts.Count == 0 ? 0 : Districts.Max(d => d.MonthsCovered);
    public bool IsPartialYear => Districts.Any(d => d.IsPartialYear);

    /// <summary>The population estimates the figures are per resident of, each named once.</summary>
    public IReadOnlyList<string> PopulationEstimates => Districts.Select(d => d.PopulationEstimate).Distinct().ToList();
}
