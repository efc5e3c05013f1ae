using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /outcomes: the filters and the measure asked for checked, its rows from <see cref="OutcomesQueries"/>, its chart from <see cref="OutcomesCharts"/>.</summary>
public sealed class OutcomesPageReader(FilterOptions filters, OutcomesQueries queries)
{
    /// <param name="askedMeasure">The measure to chart by month (?measure=robbery); the plan's first measure when not given or not found.</param>
    public OutcomesPage Read(DashboardFilter asked, string? askedMeasure)
    {
        var filter = filters.Validate(asked);
        // The measures for the chosen district, or for the whole force area when none is chosen.
        var results = queries.Measures(filter.District ?? filter.ForceArea, filter.Year);
        var options = queries.MeasureOptions(filter.ForceArea);
        if (options.Count == 0) return new OutcomesPage(filter, results, queries.Statuses(), options, null, null, []);
        var wanted = askedMeasure?.Trim();
        var measure = options.FirstOrDefault(option => string.Equals(option.MeasureId, wanted, StringComparison.OrdinalIgnoreCase));
        var problem = measure is null && !string.IsNullOrEmpty(wanted)
            ? new FilterProblem("measure", $"‘{wanted}’ is not a measure of the plan. Showing {options[0].MeasureTitle}.")
            : null;
        measure ??= options[0];
        var trend = OutcomesCharts.Trend(filter, measure, queries.Months(measure.MeasureId, filter.ForceArea, filter.District));
        return new OutcomesPage(filter, results, queries.Statuses(), options, measure, problem, [trend]);
    }
}
