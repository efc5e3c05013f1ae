using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /value-for-money: its rows from <see cref="ValueForMoneyQueries"/>, its charts from <see cref="ValueForMoneyCharts"/>.</summary>
public sealed class ValueForMoneyPageReader(FilterOptions filters, ValueForMoneyQueries queries)
{
    public ValueForMoneyPage Read(DashboardFilter asked)
    {
        var filter = filters.Validate(asked);
        var districts = queries.ByDistrict(filter.ForceArea, filter.Year);
        var average = queries.ForceArea(filter.ForceArea, filter.Year);
        return new ValueForMoneyPage(filter, districts, average, average.HasSpend ? ValueForMoneyCharts.Build(filter, districts, average) : []);
    }
}
