using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// A page of charts. Each chart's data can be downloaded as CSV from the same address with
/// ?handler=csv&amp;chart=ID and the page's filters: the very rows the page's table shows.
/// </summary>
public abstract class ChartPageModel(FilterOptions filterOptions) : PageModel
{
    public FilterOptions FilterOptions { get; } = filterOptions;
    public ValidatedFilter Filter { get; private set; } = null!;
    public IReadOnlyList<ChartPanel> Charts { get; private set; } = [];

    public void OnGet(DashboardFilter filter) => Load(filter);

    public IActionResult OnGetCsv(DashboardFilter filter, string chart)
    {
        Load(filter);
        var panel = Charts.FirstOrDefault(candidate => candidate.Id == chart);
        return panel is null
            ? NotFound()
            : File(CsvFile.For(panel.Table), "text/csv; charset=utf-8", $"{chart}-{Filter.Year.Replace('/', '-')}.csv");
    }

    public ChartPanel Chart(string id) => Charts.Single(chart => chart.Id == id);

    private void Load(DashboardFilter filter)
    {
        Filter = FilterOptions.Validate(Adjust(filter));
        Charts = BuildCharts(Filter);
    }

    /// <summary>The filters as asked, changed where the page itself decides one (a district's page, its force area).</summary>
    protected virtual DashboardFilter Adjust(DashboardFilter asked) => asked;

    /// <summary>The page's charts for these filters; the page may show other figures besides.</summary>
    protected abstract IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter);
}
