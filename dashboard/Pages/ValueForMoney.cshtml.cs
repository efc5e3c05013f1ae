using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;

namespace Analytics.Dashboard.Pages;

public sealed class ValueForMoneyModel(ValueForMoneyPageReader reader) : ChartPageModel<ValueForMoneyPage>
{
    protected override ValueForMoneyPage Read(DashboardFilter filter) => reader.Read(filter);
}
