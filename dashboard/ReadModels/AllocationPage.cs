using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>
/// Everything /allocation shows: the grant, how each formula would share it out, and the what-if with the weights
/// asked for (nothing is saved).
/// </summary>
public sealed record AllocationPage(
    ValidatedFilter Filter, GrantChoice Choice, WhatIfWeights Weights, IReadOnlyList<FormulaAllocation> Formulas, IReadOnlyList<WhatIfAllocation> WhatIf,
    IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    /// <summary>Every problem with the page's choices, for one error summary.</summary>
    public IReadOnlyList<FilterProblem> Problems => [.. Filter.Problems, .. Choice.Problems, .. Weights.Problems];

    /// <summary>The formulas, one column each in the comparison table.</summary>
    public IReadOnlyList<(string FormulaId, string FormulaName)> FormulaColumns => Formulas.Select(r => (r.FormulaId, r.FormulaName)).Distinct().ToList();

    /// <summary>The districts, one row each in the comparison table, with what each actually received.</summary>
    public IReadOnlyList<(string DistrictCode, string DistrictName, decimal ActualAmount)> DistrictRows =>
        Formulas.Select(r => (r.DistrictCode, r.DistrictName, r.ActualAmount)).Distinct().OrderBy(d => d.DistrictName, StringComparer.Ordinal).ToList();

    public FormulaAllocation Allocation(string formulaId, string districtCode) =>
        Formulas.First(r => r.FormulaId == formulaId && r.DistrictCode == districtCode);

    public decimal WhatIfTotal => WhatIf.Sum(r => r.FormulaAmount);
    public int WhatIfGains => WhatIf.Count(r => r.FormulaAmount > r.ActualAmount);
    public int WhatIfLosses => WhatIf.Count(r => r.FormulaAmount < r.ActualAmount);

    /// <summary>The grant and weights as typed, which the chart download links keep beside the filters.</summary>
    public IReadOnlyDictionary<string, string> PageQuery
    {
        get
        {
            var query = new Dictionary<string, string>();
            if (Choice.Grant is { } grant) query["grant"] = grant.GrantName;
            foreach (var (name, _) in WhatIfWeights.Fields) query[name] = Weights.Text(name);
            return query;
        }
    }
}
