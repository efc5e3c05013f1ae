using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /spend: its rows from <see cref="SpendQueries"/>, its charts from <see cref="SpendCharts"/>.</summary>
public sealed class SpendPageReader(FilterOptions filters, SpendQueries queries)
{
    public SpendPage Read(DashboardFilter asked)
    {
        var filter = filters.Validate(asked);
        var districts = queries.ByDistrict(filter.ForceArea, filter.Year, filter.District);
        var allDistricts = filter.District is null ? districts : queries.ByDistrict(filter.ForceArea, filter.Year, null);
        var lines = queries.Lines(filter.ForceArea, filter.Year, filter.District);
        if (lines.Count == 0) return new SpendPage(filter, districts, allDistricts, lines, null, []);
        var charts = SpendCharts.Build(filter, districts, allDistricts,
            queries.Breakdowns(filter.ForceArea, filter.Year, filter.District), queries.Flows(filter.ForceArea, filter.Year, filter.District));
        return new SpendPage(filter, districts, allDistricts, lines, queries.SpentPer1000(filter.Area.Type, filter.Area.Code, filter.Year), charts);
    }
}
