using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;

namespace Analytics.Dashboard.Pages;

public sealed class IndexModel(IndexPageReader reader) : ChartPageModel<IndexPage>
{
    protected override IndexPage Read(DashboardFilter filter) => reader.Read(filter);
}
