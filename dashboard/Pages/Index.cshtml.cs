using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Pages;

public sealed class IndexModel(OverviewCharts overview, FilterOptions filters) : ChartPageModel(filters)
{
    public Headlines Headlines { get; private set; } = null!;
    public IReadOnlyList<StatusCount> PlanStatus { get; private set; } = [];
    public Freshness Freshness { get; private set; } = null!;

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        Headlines = overview.Headlines(filter);
        PlanStatus = overview.PlanStatus(filter);
        Freshness = overview.Freshness(filter);
        return overview.Build(filter);
    }
}
