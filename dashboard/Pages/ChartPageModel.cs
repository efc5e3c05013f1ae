using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// A page of charts read as one record: OnGet asks the page's reader for it, the view shows it, and each chart's
/// data can be downloaded as CSV from the same address with ?handler=csv&amp;chart=ID and the page's filters: the
/// very rows the page's table shows.
/// </summary>
public abstract class ChartPageModel<TPage> : PageModel where TPage : class, IChartPage
{
    /// <summary>Everything the view shows, already read.</summary>
    public TPage Data { get; private set; } = null!;

    public ValidatedFilter Filter => Data.Filter;
    public IReadOnlyList<ChartPanel> Charts => Data.Charts;

    public void OnGet(DashboardFilter filter) => Data = Read(filter);

    public IActionResult OnGetCsv(DashboardFilter filter, string chart)
    {
        OnGet(filter);
        var panel = Charts.FirstOrDefault(candidate => candidate.Id == chart);
        return panel is null ? NotFound() : Csv(panel.Table, chart);
    }

    protected FileContentResult Csv(DataTable table, string name) =>
        File(CsvFile.For(table), "text/csv; charset=utf-8", $"{name}-{Filter.Year.Replace('/', '-')}.csv");

    /// <summary>The one call to the page's reader.</summary>
    protected abstract TPage Read(DashboardFilter filter);
}
