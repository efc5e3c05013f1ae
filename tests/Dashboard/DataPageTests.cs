using System.Globalization;
using System.Net;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class DataPageTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task Every_source_file_in_the_snapshot_is_listed_with_its_rows()
    {
        var html = await dashboard.Page("/data");
        var table = HtmlText.Table(html, "Source files in this snapshot");
        var files = dashboard.Warehouse.Query<(string, long, long, long, string)>(
            "SELECT source_path, rows_read, rows_loaded, rows_rejected, status FROM meta.source_files ORDER BY file_id");

        Assert.Equal(files.Count, table.Count);
        foreach (var ((path, read, loaded, rejected, status), row) in files.Zip(table))
        {
            Assert.Equal(path, row[0]);
            Assert.Equal([read.ToString("N0", CultureInfo.InvariantCulture), loaded.ToString("N0", CultureInfo.InvariantCulture), rejected.ToString("N0", CultureInfo.InvariantCulture), status], row[3..7]);
        }
    }

    [Theory]
    [InlineData("/data")]
    [InlineData("/")]
    [InlineData("/healthz")]
    public async Task No_page_shows_a_path_on_the_server(string address)
    {
        var html = await dashboard.Page(address);

        Assert.All(dashboard.Warehouse.Query<string>("SELECT source_path FROM meta.source_files"), path => Assert.False(Path.IsPathRooted(path), path));
        foreach (var serverPath in new[] { RepositoryPaths.Root, dashboard.Warehouse.Root, Path.GetTempPath() })
            Assert.DoesNotContain(serverPath, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_by_kind_add_up_to_the_files_in_use()
    {
        var table = HtmlText.Table(await dashboard.Page("/data"), "Rows loaded and rejected by kind of source");
        var street = table.Single(row => row[0] == "Police street-level crime");
        var (loaded, rejected) = dashboard.Warehouse.Query<(long, long)>(
            "SELECT CAST(sum(rows_loaded) AS BIGINT), CAST(sum(rows_rejected) AS BIGINT) FROM meta.source_files WHERE source_kind = 'police_street' AND status = 'loaded'").Single();

        Assert.Equal(loaded.ToString("N0", CultureInfo.InvariantCulture), street[4]);
        Assert.Equal(rejected.ToString("N0", CultureInfo.InvariantCulture), street[5]);
        Assert.Equal(dashboard.Warehouse.Scalar<long>("SELECT count(DISTINCT source_kind) FROM meta.source_files"), table.Count);
    }

    [Fact]
    public async Task The_latest_rejects_and_rows_set_aside_are_shown_with_their_raw_text_as_code()
    {
        var html = await dashboard.Page("/data");
        var table = HtmlText.Table(html, "Latest rejected rows");
        var rejected = dashboard.Warehouse.Query<(int FileId, string, long Line, string, string)>(
            "SELECT file_id, source_path, line_number, reason, raw_text FROM meta.rejects");
        var setAside = dashboard.Warehouse.Query<(int FileId, string, long Line, string, string)>(
            "SELECT source_file_id, source_path, source_line_number, reason, raw_text FROM marts.crime_records_set_aside");
        var rejects = rejected.Concat(setAside).OrderByDescending(row => row.FileId).ThenBy(row => row.Line).Take(50)
            .Select(row => (row.Item2, row.Line, row.Item4, row.Item5)).ToList();

        Assert.NotEmpty(setAside);
        Assert.Equal(rejects.Count, table.Count);
        foreach (var ((path, line, reason, raw), row) in rejects.Zip(table))
        {
            Assert.Equal([path, line.ToString(CultureInfo.InvariantCulture)], row[0..2]);
            Assert.Equal(reason, row[3]);
            Assert.Contains($"<code class=\"raw-text\">{WebUtility.HtmlEncode(raw)}</code>", html.Replace("&#x27;", "&#39;", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_run_journal_shows_runs_that_failed_and_are_not_in_the_snapshot()
    {
        // A failed run publishes nothing: only the journal beside the snapshots knows it happened.
        var failed = "20261124T010000Z-failed-" + Guid.NewGuid().ToString("N")[..6];
        var journal = new RunJournal(dashboard.Warehouse.Directory);
        journal.Append(new RunEvent("run_started", failed, new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero), Trigger: "scheduled"));
        journal.Append(new RunEvent("run_finished", failed, new DateTimeOffset(2026, 11, 24, 1, 0, 5, TimeSpan.Zero), Status: "failed", Message: "data test failed: example"));

        var html = await dashboard.Page("/data");
        var runs = HtmlText.Table(html, "Run journal, newest first");
        var published = HtmlText.Table(html, "ETL runs that built this snapshot");

        var row = runs.Single(r => r[0] == failed);
        Assert.Equal("failed", row[4]);
        Assert.Equal("data test failed: example", row[10]);
        Assert.Contains(runs, r => r[0] == dashboard.Warehouse.Published.RunId && r[4] == "published");
        Assert.DoesNotContain(published, r => r[0] == failed);
        Assert.Equal(dashboard.Warehouse.Scalar<long>("SELECT count(*) FROM meta.load_runs"), published.Count);
    }

    [Fact]
    public async Task Sources_and_licences_are_named()
    {
        var text = HtmlText.Text(await dashboard.Page("/data"));
        Assert.Contains("Where the data comes from and what was loaded", text);
        Assert.Contains("data.police.uk", text);
        Assert.Contains("Open Government Licence v3.0", text);
        var illustrative = dashboard.Warehouse.Scalar<long>("SELECT count(DISTINCT return_line_key) FROM marts.spend_by_district_year WHERE source = 'illustrative'");
        Assert.Contains($"{illustrative} illustrative return lines", text);
        Assert.Contains(dashboard.Warehouse.Scalar<string>("SELECT any_value(plan_title) FROM marts.objective_performance"), text);
    }

    [Fact]
    public async Task The_footer_names_the_snapshot_the_figures_come_from_and_when_it_was_published()
    {
        var published = dashboard.Warehouse.Published;
        var html = await dashboard.Page("/data");

        Assert.Equal(published.RunId, HtmlText.SnapshotRun(html));
        var when = published.PublishedAt.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"Data: snapshot published {when} UTC (run {published.RunId}", HtmlText.Text(html), StringComparison.Ordinal);
        // Every page checks the snapshot's freshness for the banner, so even a page of plain text names it.
        Assert.Equal(published.RunId, HtmlText.SnapshotRun(await dashboard.Page("/accessibility")));
    }
}
