using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Pages;

public sealed class OutcomesModel(OutcomesCharts outcomes, FilterOptions filters) : ChartPageModel(filters)
{
    /// <summary>The measure whose trend is charted (?measure=robbery); the first measure of the plan when not given.</summary>
    [BindProperty(SupportsGet = true, Name = "measure")]
    public string? AskedMeasure { get; set; }

    public IReadOnlyList<MeasureResult> Results { get; private set; } = [];
    /// <summary>Every plan status with its meaning, for the key.</summary>
    public IReadOnlyList<PlanStatus> Statuses { get; private set; } = [];
    public IReadOnlyList<MeasureOption> MeasureOptions { get; private set; } = [];
    public MeasureOption? Measure { get; private set; }
    public FilterProblem? MeasureProblem { get; private set; }

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        Statuses = outcomes.Statuses();
        Results = outcomes.Results(filter);
        MeasureOptions = outcomes.MeasureOptions(filter);
        if (MeasureOptions.Count == 0) return [];
        var asked = AskedMeasure;
        Measure = MeasureOptions.FirstOrDefault(option => string.Equals(option.MeasureId, asked?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (Measure is null && !string.IsNullOrWhiteSpace(asked))
            MeasureProblem = new("measure", $"‘{asked.Trim()}’ is not a measure of the plan. Showing {MeasureOptions[0].MeasureTitle}.");
        Measure ??= MeasureOptions[0];
        return [outcomes.Trend(filter, Measure)];
    }

    /// <summary>The chosen measure, kept by the filter form and the chart's download link.</summary>
    public IReadOnlyDictionary<string, string> PageQuery =>
        Measure is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["measure"] = Measure.MeasureId };

    /// <summary>The filter's problems and the measure's, for one error summary.</summary>
    public ValidatedFilter FilterWithProblems =>
        MeasureProblem is null ? Filter : Filter with { Problems = [.. Filter.Problems, MeasureProblem] };

}
