using System.Net;
using System.Text.RegularExpressions;
using Analytics.Tests.Support;
using Analytics.Warehouse.Lineage;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// Every chart on every page links to where its figures come from, and every chart is in warehouse/exposures.yml;
/// the lineage page of a crime count lists the files of the chosen force area that fed it, with their checksums
/// and runs, and the data tests of the snapshot.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class LineagePageTests(DashboardFixture dashboard)
{
    /// <summary>Every page, with the choices that bring out each of its charts.</summary>
    private static readonly string[] Addresses =
    [
        "/?year=2025/26", "/spend?year=2025/26", "/outcomes?year=2025/26", "/value-for-money?year=2025/26", "/crime?year=2025/26",
        "/crime?year=2025/26&level=partnership", "/peers?year=2025/26&district=E07000110", "/districts/E07000110?year=2025/26",
        "/allocation?year=2025/26&grant=Crime%20Reduction%20Grant&fixed_weight=1&crime_weight=1&population_weight=0&rate_weight=0",
        "/panel-report?period=2025/26",
    ];

    [Fact]
    public async Task Every_chart_and_table_is_in_the_exposures_and_links_to_its_lineage()
    {
        var problems = new List<string>();
        var seen = new HashSet<(string Page, string Figure)>();
        foreach (var address in Addresses)
        {
            var html = await dashboard.Page(address);
            var path = address.Split('?')[0];
            var exposure = Exposures.All.SingleOrDefault(e => Regex.IsMatch(path, "^" + Regex.Replace(e.Route, @"\{\w+\}", "[^/]+") + "$"));
            if (exposure is null) { problems.Add($"{path} is not in warehouse/exposures.yml"); continue; }
            var links = LineageLinks().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
            var tables = exposure.Figures.Where(figure => figure.Kind == "table").Select(figure => figure.Id);
            foreach (var id in ChartIds().Matches(html).Select(m => m.Groups[1].Value).Concat(tables))
            {
                if (exposure.Figure(id) is not { } figure) { problems.Add($"{address}: chart {id} is not in exposures.yml under {exposure.Page}"); continue; }
                seen.Add((exposure.Page, figure.Id));
                if (!links.Any(link => link.StartsWith($"/lineage?page={exposure.Page}&figure={id}&", StringComparison.Ordinal) && link.Contains("year=2025%2F26", StringComparison.Ordinal)))
                    problems.Add($"{address}: chart {id} has no link to /lineage?page={exposure.Page}&figure={id} with its filters");
            }
        }
        var figures = Exposures.All.SelectMany(e => e.Figures.Select(f => (e.Page, f.Id))).ToList();
        problems.AddRange(figures.Where(figure => !seen.Contains(figure)).Select(figure => $"exposures.yml lists {figure.Id} on {figure.Page}, which no page showed"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(("crime", "incidents-by-month"), seen);
        Assert.Contains(("outcomes", "trend-*"), seen);
    }

    [Fact]
    public async Task A_crime_counts_lineage_lists_the_force_areas_files_runs_and_tests()
    {
        var html = await dashboard.Page("/lineage?page=crime&figure=incidents-by-month&year=2025/26");
        var text = HtmlText.Text(html);
        var files = HtmlText.Table(html, "Files that fed");
        var fed = dashboard.Warehouse.Query<(string Sha256, string Force, string RunId)>("""
            SELECT sha256, force_slug, run_id FROM meta.source_files
            WHERE status = 'loaded' AND source_kind IN ('police_street', 'police_outcomes')
            """);

        Assert.Contains("marts.crime_by_area_month", text);
        Assert.Contains("intermediate.int_crime_by_area_month", text);
        Assert.Contains("raw.police_street", text);
        var shown = files.Select(row => row[4]).ToHashSet();
        Assert.All(fed.Where(file => file.Force == "kent"), file => Assert.Contains(file.Sha256, shown));
        Assert.All(fed.Where(file => file.Force != "kent"), file => Assert.DoesNotContain(file.Sha256, shown));
        Assert.Contains(files, row => row[1].StartsWith("ONS", StringComparison.Ordinal) && row[2] == "Office for National Statistics");
        Assert.DoesNotContain(files, row => row[1].StartsWith("Funding", StringComparison.Ordinal));
        Assert.All(files.Where(row => row[1].StartsWith("Police", StringComparison.Ordinal)), row => Assert.Equal("data.police.uk", row[2]));
        var run = Assert.Single(HtmlText.Table(html, "ETL runs that loaded"));
        Assert.Equal(fed[0].RunId, run[0]);
        Assert.DoesNotContain(RepositoryPaths.Root, html, StringComparison.Ordinal);

        var tests = HtmlText.Table(html, "Data tests on the models behind");
        Assert.Contains(tests, row => row[0] == "assert_mart_counts_every_record" || row[1] == "marts.crime_by_area_month");
        Assert.Matches(@$"{tests.Count(row => row[3] == "passed")} of {tests.Count} data tests", text);
    }

    [Fact]
    public async Task The_address_is_shareable_and_keeps_the_filters()
    {
        var crime = await dashboard.Page("/crime?year=2024/25&area=E23000028");
        var link = WebUtility.HtmlDecode(LineageLinks().Matches(crime).First().Groups[1].Value);
        var html = await dashboard.Page(link);

        Assert.Contains("area=E23000028", link, StringComparison.Ordinal);
        Assert.Contains("Essex, financial year 2024/25", HtmlText.Text(html));
        var files = HtmlText.Table(html, "Files that fed");
        Assert.Contains(files, row => row[1] == "Police street-level crime (essex)");
        Assert.DoesNotContain(files, row => row[1].EndsWith("(kent)", StringComparison.Ordinal));
        Assert.Contains("href=\"/crime?area=E23000028&amp;year=2024%2F25#", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_with_no_data_is_said_and_the_default_shown()
    {
        var text = HtmlText.Text(await dashboard.Page("/lineage?page=crime&figure=incidents-by-month&year=1999/00"));

        Assert.Contains("1999/00", text);
        Assert.Contains("Where these figures come from: Crime by month", text);
    }

    [Theory]
    [InlineData("/lineage?page=nowhere&figure=incidents-by-month", "There is no page called ‘nowhere’")]
    [InlineData("/lineage?page=crime&figure=no-such-chart", "has no figure called ‘no-such-chart’")]
    [InlineData("/lineage", "There is no page called")]
    public async Task An_unknown_page_or_figure_answers_404_saying_so(string address, string message)
    {
        using var response = await dashboard.Client().GetAsync(address);
        var text = HtmlText.Text(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Figure not found", text);
        Assert.Contains(message, text);
        Assert.Contains("Crime per 1,000 residents by district", text); // the figures to choose from
        Assert.DoesNotContain("Exception", text);
    }

    [GeneratedRegex("data-chart-for=\"([^\"]+)\"")] private static partial Regex ChartIds();
    [GeneratedRegex("<a href=\"(/lineage\\?[^\"]+)\"")] private static partial Regex LineageLinks();
}
