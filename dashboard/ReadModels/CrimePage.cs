using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /crime shows: its charts, the rate of every district or partnership, and the incidents in none.</summary>
/// <param name="OutsideDistricts">Incidents with no usable location, or placed outside the force area's districts.</param>
public sealed record CrimePage(ValidatedFilter Filter, IReadOnlyList<AreaCrimeRow> Rates, long OutsideDistricts, IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    /// <summary>The population estimates the rates are per resident of, each named once.</summary>
    public IReadOnlyList<string> PopulationEstimates => Rates.Select(r => r.EstimateSource).OfType<string>().Distinct().ToList();

    /// <summary>How each district split between partnerships is shared out, each rule once.</summary>
    public IReadOnlyList<string> SplitDistrictRules => Rates.Select(r => r.AssignmentRule).OfType<string>().Distinct().ToList();
}
