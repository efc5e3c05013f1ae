using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;

namespace Analytics.Dashboard.Pages;

public sealed class SpendModel(SpendPageReader reader) : ChartPageModel<SpendPage>
{
    protected override SpendPage Read(DashboardFilter filter) => reader.Read(filter);
}
