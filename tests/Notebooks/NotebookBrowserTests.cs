using Analytics.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Tests.Notebooks;

/// <summary>
/// Each notebook's report opened from disk in headless Chromium (the system's, as for the dashboard's pages): every
/// chart is drawn, nothing is logged as an error, and the page asks for nothing but its own file (no other host,
/// not even plotly.js: it is embedded). A screenshot of each report is kept in TestResults/screenshots.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class NotebookBrowserTests(SampleWarehouseFixture sample)
{
    public static TheoryData<string> Names => new(NotebookRuns.Notebooks.Keys);

    [BrowserTheory]
    [MemberData(nameof(Names))]
    public async Task A_report_draws_its_charts_offline_with_no_errors(string name)
    {
        var run = NotebookRuns.All(sample.Warehouse.Root)[name];
        Assert.True(run.ExitCode == 0, run.Explain);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var problems = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.Request += (_, request) => { if (new Uri(request.Url).Scheme is not ("file" or "data" or "blob" or "about")) elsewhere.Add(request.Url); };

        await page.GotoAsync(new Uri(run.Report).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var charts = await page.Locator("div.chart").CountAsync();
        Assert.True(charts > 0, $"{name}: no chart in the report");
        Assert.Equal(charts, await page.Locator("div.chart.js-plotly-plot").CountAsync());
        Assert.Equal(charts, await page.Locator("div.chart:has(svg.main-svg)").CountAsync());
        Assert.True(await page.Locator("div.figure table").CountAsync() >= charts, $"{name}: a chart without its table");
        Assert.True(problems.Count == 0, $"{name}: console errors: {string.Join(" | ", problems)}");
        Assert.True(elsewhere.Count == 0, $"{name}: requests beyond the file: {string.Join(" | ", elsewhere)}");
        var screenshots = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"notebook-{name}.png"), FullPage = true });
    }
}
