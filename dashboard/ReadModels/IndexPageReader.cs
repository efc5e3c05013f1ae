using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads the overview: figures from <see cref="OverviewQueries"/>, the status vocabulary, and the force area's crime by month.</summary>
public sealed class IndexPageReader(FilterOptions filters, OverviewQueries queries, OutcomesQueries outcomes, CrimePageQueries crime)
{
    public IndexPage Read(DashboardFilter asked)
    {
        var filter = filters.Validate(asked);
        var months = crime.Monthly(AreaLevels.ForceArea, filter.ForceArea, filter.Year, null);
        var statuses = outcomes.Statuses();
        return new IndexPage(filter, queries.Headlines(filter.ForceArea, filter.Year), queries.PlanStatus(filter.ForceArea, filter.Year),
            statuses.Count > 0 ? statuses[0].Status : "", queries.Freshness(filter.ForceArea), [CrimeCharts.IncidentsByMonth(months, filter.ForceAreaName, filter.Year)]);
    }
}
