using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// Allocation formulas for one grant, and a what-if with weights from a GET form. The what-if only reads: it runs the
/// allocation engine over the published snapshot and nothing is saved.
/// </summary>
public sealed class AllocationModel(AllocationCharts allocation, FilterOptions filters) : ChartPageModel(filters)
{
    [BindProperty(SupportsGet = true, Name = "grant")] public string? GrantAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "fixed_weight")] public string? FixedAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "crime_weight")] public string? CrimeAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "population_weight")] public string? PopulationAsked { get; set; }
    [BindProperty(SupportsGet = true, Name = "rate_weight")] public string? RateAsked { get; set; }

    public GrantChoice Choice { get; private set; } = null!;
    public WhatIfWeights Weights { get; private set; } = null!;
    public IReadOnlyList<FormulaAllocation> Formulas { get; private set; } = [];
    public IReadOnlyList<WhatIfAllocation> WhatIf { get; private set; } = [];

    /// <summary>Every problem with the page's choices, for one error summary.</summary>
    public IReadOnlyList<FilterProblem> Problems => [.. Filter.Problems, .. Choice.Problems];

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

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        Choice = allocation.Choose(filter, GrantAsked);
        Weights = WhatIfWeights.Parse(FixedAsked, CrimeAsked, PopulationAsked, RateAsked);
        if (Choice.Grant is not { } grant) return [];
        Formulas = allocation.ByFormula(filter, grant);
        var panels = new List<ChartPanel> { AllocationCharts.FormulaChart(filter, grant, Formulas) };
        if (Weights.Weights is { } weights)
        {
            WhatIf = allocation.WhatIf(filter, grant, weights);
            panels.Add(AllocationCharts.WhatIfChart(grant, Weights, WhatIf));
        }
        return panels;
    }
}
