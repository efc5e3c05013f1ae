using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Pages;

public sealed class IndexModel(IndexPageReader reader) : ChartPageModel<IndexPage>
{
    /// <summary>By this name so that the view's plan status lines stay as they are while their wording is reworked.</summary>
    public IReadOnlyList<StatusCount> PlanStatus => Data.PlanStatus;

    protected override IndexPage Read(DashboardFilter filter) => reader.Read(filter);
}
