using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /outcomes shows: every measure's result, the status key, and one measure's trend by month.</summary>
/// <param name="Measure">The measure charted by month; null when no plan is loaded for the force area.</param>
/// <param name="MeasureProblem">Why the measure asked for (?measure=) is not the one shown; null when it is.</param>
public sealed record OutcomesPage(
    ValidatedFilter Filter, IReadOnlyList<MeasureResult> Results, IReadOnlyList<PlanStatus> Statuses,
    IReadOnlyList<MeasureOption> MeasureOptions, MeasureOption? Measure, FilterProblem? MeasureProblem, IReadOnlyList<ChartPanel> Charts) : IChartPage
{
    /// <summary>The results grouped by objective, in plan order.</summary>
    public IReadOnlyList<IGrouping<(int Order, string Title), MeasureResult>> Objectives =>
        Results.GroupBy(r => (r.ObjectiveOrder, r.ObjectiveTitle)).OrderBy(g => g.Key.ObjectiveOrder).ToList();

    /// <summary>The chosen measure, kept by the filter form and the chart's download link.</summary>
    public IReadOnlyDictionary<string, string> PageQuery =>
        Measure is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["measure"] = Measure.MeasureId };

    /// <summary>The filter's problems and the measure's, for one error summary.</summary>
    public ValidatedFilter FilterWithProblems =>
        MeasureProblem is null ? Filter : Filter with { Problems = [.. Filter.Problems, MeasureProblem] };
}
