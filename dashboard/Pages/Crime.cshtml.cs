using Analytics.Warehouse.Queries;
using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;

namespace Analytics.Dashboard.Pages;

public sealed class CrimeModel(CrimeCharts crime, FilterOptions filters) : ChartPageModel(filters)
{
    public IReadOnlyList<AreaCrimeRow> Rates { get; private set; } = [];
    public long OutsideDistricts { get; private set; }

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        Rates = crime.Rates(filter);
        OutsideDistricts = crime.OutsideDistricts(filter);
        return crime.Build(filter, Rates);
    }
}
