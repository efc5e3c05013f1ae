using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /panel-report shows: plan status for a year or quarter, and that year's spend and value for money.</summary>
/// <param name="Year">The financial year of the period, checked like every page's year (for its name and months covered).</param>
/// <param name="Periods">Every period the plan has results for, each with its financial year, newest year first.</param>
/// <param name="PeriodProblem">Why the period asked for is not the one shown; null when it is.</param>
/// <param name="Statuses">Every plan status in display order, so the summary counts them in the key's order.</param>
public sealed record PanelReportPage(
    ValidatedFilter Year, IReadOnlyList<(string Period, string FinancialYear)> Periods, string Period, string FinancialYear, string? PeriodProblem,
    IReadOnlyList<MeasureResult> Measures, IReadOnlyList<PlanStatus> Statuses, IReadOnlyList<StreamSpend> Spend,
    IReadOnlyList<PanelDistrictValue> Districts, DateTime Produced)
{
    public bool IsQuarter => Period.Contains(" Q", StringComparison.Ordinal);

    /// <summary>The filter's problems and the period's, each with the field it is about, for one error summary.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems =>
        [.. Year.Problems.Select(p => ("filter-" + p.Field, p.Message)), .. PeriodProblem is null ? [] : new[] { ("filter-period", PeriodProblem) }];

    public decimal Allocated => Spend.Sum(s => s.Allocated);
    public decimal Spent => Spend.Sum(s => s.Spent ?? 0m);

    /// <summary>A district whose year is not yet complete, for the note on scaling; null when the year is whole.</summary>
    public PanelDistrictValue? PartialYear => Districts.FirstOrDefault(d => d.IsPartialYear);

    /// <summary>How many measures have each status, in the key's order, leaving out statuses no measure has.</summary>
    public IReadOnlyList<(string Status, int Measures)> StatusCounts =>
        [.. Statuses.Select(s => (s.Status, Measures: Measures.Count(m => m.Status == s.Status))).Where(s => s.Measures > 0)];

    /// <summary>A measure compared with a period of another length, as the example in the note; null when none is.</summary>
    public MeasureResult? PartialComparison => Measures.FirstOrDefault(m => m.ComparesPartialPeriods);
}
