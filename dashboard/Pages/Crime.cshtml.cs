using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;

namespace Analytics.Dashboard.Pages;

public sealed class CrimeModel(CrimePageReader reader) : ChartPageModel<CrimePage>
{
    protected override CrimePage Read(DashboardFilter filter) => reader.Read(filter);
}
