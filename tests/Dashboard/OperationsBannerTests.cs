using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// Every page warns when the newest ETL run failed or a source is behind its publication schedule, saying since
/// when; /data shows each source's freshness and each run in full.
/// </summary>
public sealed class OperationsBannerTests : IDisposable
{
    private static readonly string[] Pages = ["/", "/crime", "/spend", "/districts/E07000105", "/accessibility", "/data"];
    private readonly TemporaryWarehouse warehouse = new();

    public OperationsBannerTests()
    {
        // Street crime, geography and population only: the sample's outcomes file is a one-month extract.
        var street = Path.Combine(warehouse.Inputs, "street");
        foreach (var (name, lines) in PoliceCsv.KentStreetFiles()) PoliceCsv.Write(street, name, [.. lines]);
        var run = warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.Population, street]);
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
    }

    [Fact]
    public async Task Data_as_fresh_as_publishers_allow_and_a_good_last_run_show_no_banner()
    {
        // Mid-July 2025: data.police.uk has published up to May at most, ONS up to mid-2023; the sample has both.
        using var dashboard = new DashboardFactory(warehouse.Root, new FixedClock(new DateTimeOffset(2025, 7, 15, 12, 0, 0, TimeSpan.Zero)));
        foreach (var page in Pages)
        {
            var html = await Get(dashboard, page);
            if (html.Contains("data-operations-banner", StringComparison.Ordinal)) Assert.Fail($"{page}: {Banner(html)}");
        }
        Assert.Contains("Up to date", await Get(dashboard, "/data"));
        Assert.Contains("\"status\":\"healthy\"", await Get(dashboard, "/healthz"));
    }

    [Fact]
    public async Task Overdue_police_data_is_named_on_every_page_with_the_day_it_fell_due()
    {
        // 25 November 2026: August 2026 is due; the sample ends at September 2025, so October 2025 fell due 60 days
        // after the first of November, on 31 December 2025. Mid-2025 population estimates were due on 1 August 2026; the sample's series ends at mid-2024.
        using var dashboard = new DashboardFactory(warehouse.Root, new FixedClock(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));
        foreach (var page in Pages)
        {
            var banner = Banner(await Get(dashboard, page));
            Assert.Contains("Police street-level crime (kent): latest loaded September 2025, but August 2026 should be published by now", banner);
            Assert.Contains("overdue since 31 December 2025", banner);
            Assert.Contains("ONS mid-year population estimates (several years): latest loaded mid-2024, but mid-2025", banner);
            Assert.DoesNotContain("data-banner-failed", banner);
        }
        var data = await Get(dashboard, "/data");
        Assert.Contains("Overdue", data);
        var health = await Get(dashboard, "/healthz");
        Assert.Contains("\"status\":\"degraded\"", health);
        Assert.Contains("\"since\":\"2025-12-31\"", health);
    }

    [Fact]
    public async Task A_failed_newest_run_is_named_on_every_page_with_when_failures_began_until_a_run_succeeds()
    {
        using var dashboard = new DashboardFactory(warehouse.Root, new FixedClock(new DateTimeOffset(2025, 7, 15, 12, 0, 0, TimeSpan.Zero)));
        var broken = PoliceCsv.Write(warehouse.Inputs, "2025-10-kent-street.csv", "Crime ID,Month,Somewhere", "x,2025-10,y");
        var first = warehouse.Run(broken);
        var second = warehouse.Run(broken);
        Assert.Equal(ExitCode.SourceUnreadable, second.ExitCode);
        var firstStarted = new RunJournal(warehouse.Directory).Recent(10).Single(run => run.RunId == first.RunId).StartedAt;

        foreach (var page in Pages)
        {
            var banner = Banner(await Get(dashboard, page));
            Assert.Contains("The latest data load failed", banner);
            Assert.Contains($"loads have failed since {firstStarted.UtcDateTime:d MMM yyyy HH:mm} UTC (2 in a row)", banner);
            Assert.Contains("the header is not data.police.uk&#x27;s street header", banner);
        }
        Assert.Contains("tag--red", await Get(dashboard, "/data"));
        Assert.Contains($"\"newest_run_failed\":\"{second.RunId}\"", await Get(dashboard, "/healthz"));

        File.Delete(broken);
        Assert.Equal(ExitCode.Success, warehouse.Run(RepositoryPaths.KentGeography).ExitCode);
        Assert.DoesNotContain("data-operations-banner", await Get(dashboard, "/"));
    }

    private static async Task<string> Get(DashboardFactory dashboard, string address)
    {
        using var client = dashboard.CreateClient();
        using var response = await client.GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{address} answered {(int)response.StatusCode}");
        return html;
    }

    private static string Banner(string html)
    {
        var start = html.IndexOf("data-operations-banner", StringComparison.Ordinal);
        Assert.True(start >= 0, "no banner on the page");
        return System.Text.RegularExpressions.Regex.Replace(html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)], @"\s+", " ");
    }

    public void Dispose() => warehouse.Dispose();
}
