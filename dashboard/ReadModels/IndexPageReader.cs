using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads the overview: figures from <see cref="OverviewQueries"/>, and the force area's crime by month.</summary>
public sealed class IndexPageReader(FilterOptions filters, OverviewQueries queries, CrimePageQueries crime)
{
    public IndexPage Read(DashboardFilter asked)
    {
        var filter = filters.Validate(asked);
        var months = crime.Monthly(AreaLevels.ForceArea, filter.ForceArea, filter.Year, null);
        return new IndexPage(filter, queries.Headlines(filter.ForceArea, filter.Year), queries.PlanStatus(filter.ForceArea, filter.Year),
            queries.Freshness(filter.ForceArea), [CrimeCharts.IncidentsByMonth(months, filter.ForceAreaName, filter.Year)]);
    }
}
