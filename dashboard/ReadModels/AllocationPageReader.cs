using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>
/// Reads /allocation: the grant and weights checked, the formulas and the what-if from <see cref="AllocationQueries"/>
/// (which runs the allocation engine over the published snapshot, saving nothing), the charts from <see cref="AllocationCharts"/>.
/// </summary>
public sealed class AllocationPageReader(FilterOptions filters, AllocationQueries queries)
{
    public AllocationPage Read(DashboardFilter asked, string? grantAsked, string? fixedWeight, string? crimeWeight, string? populationWeight, string? rateWeight)
    {
        var filter = filters.Validate(asked);
        var choice = GrantChoice.Choose(filter, queries.Grants(filter.ForceArea), grantAsked);
        var weights = WhatIfWeights.Parse(fixedWeight, crimeWeight, populationWeight, rateWeight);
        if (choice.Grant is not { } grant) return new AllocationPage(filter, choice, weights, [], [], []);
        var formulas = queries.ByFormula(grant.GrantName, grant.FinancialYear, filter.ForceArea);
        var formulaChart = AllocationCharts.FormulaChart(filter, grant, formulas);
        if (weights.Weights is not { } checkedWeights) return new AllocationPage(filter, choice, weights, formulas, [], [formulaChart]);
        var whatIf = queries.WhatIf(grant.GrantName, grant.FinancialYear, filter.ForceArea, grant.GrantTotal, checkedWeights);
        return new AllocationPage(filter, choice, weights, formulas, whatIf, [formulaChart, AllocationCharts.WhatIfChart(grant, weights, whatIf)]);
    }
}
