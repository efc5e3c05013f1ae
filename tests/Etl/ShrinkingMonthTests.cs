using Analytics.Etl.Cli;
using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Operations;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Etl;

/// <summary>
/// A republished force-month that has lost most of its records (a header-only or cut-short download) is refused,
/// naming the file, unless --accept-shrink says the loss is real; the refusal shows in the run record and on /data;
/// and a month with no records never counts as loaded.
/// </summary>
public sealed class ShrinkingMonthTests : IDisposable
{
    private const string September = "2025-09/2025-09-kent-street.csv";
    private readonly TemporaryWarehouse warehouse = new();
    private readonly List<string> kentSeptember = PoliceCsv.KentLines(September);

    /// <summary>Kent's real September street file, loaded; returns the records the warehouse holds for it.</summary>
    private long LoadSeptember()
    {
        var run = warehouse.Run(PoliceCsv.Write(Path.Combine(warehouse.Inputs, "published"), "2025-09-kent-street.csv", [.. kentSeptember]));
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        return warehouse.Scalar<long>("SELECT count(*) FROM raw.police_street");
    }

    private string Republish(string folder, int records, string month = "2025-09") =>
        PoliceCsv.Write(Path.Combine(warehouse.Inputs, folder), $"{month}-kent-street.csv", [.. kentSeptember.Take(records + 1)]);

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void A_republished_month_that_lost_most_of_its_records_is_refused_and_the_snapshot_kept(int records)
    {
        var loaded = LoadSeptember();
        var before = RepeatAndRepublishTests.Sha256(warehouse.Published.Path);
        var file = Republish("republished", records);

        var run = warehouse.Run(file);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith($"{Path.GetFileName(file)}: republishes kent 2025-09 with {records:N0} records where the loaded version", error);
        Assert.Contains($"has {loaded:N0}", error);
        Assert.Contains("more than Etl:MaxShrinkPercent (50%) allows", error);
        Assert.Contains("--accept-shrink", error);
        Assert.Equal(before, RepeatAndRepublishTests.Sha256(warehouse.Published.Path));
        Assert.Equal(loaded, warehouse.Scalar<long>("SELECT count(*) FROM raw.police_street"));
        Assert.Contains("--accept-shrink", new RunJournal(warehouse.Directory).Recent(1)[0].Message);
    }

    [Fact]
    public void With_accept_shrink_the_smaller_month_replaces_the_loaded_one_and_the_run_says_so()
    {
        LoadSeptember();
        var file = Republish("republished", 10);

        var (output, errors) = (new StringWriter(), new StringWriter());

        var exitCode = EtlProgram.Execute(["run", "--source", file, "--warehouse", warehouse.Root, "--plain", "--accept-shrink"], output, errors);

        Assert.True(exitCode == 0, $"{output}{errors}");
        Assert.Contains("accepted with --accept-shrink", output.ToString());
        Assert.Equal(10, warehouse.Scalar<long>("SELECT count(*) FROM raw.police_street"));
        Assert.Contains("accepted with --accept-shrink", new RunJournal(warehouse.Directory).Recent(1)[0].Files.Single().Note);
    }

    [Fact]
    public void A_month_losing_less_than_the_share_loads_as_a_revision()
    {
        var loaded = LoadSeptember();
        var kept = (int)(loaded * 6 / 10);

        var run = warehouse.Run(Republish("revised", kept));

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        Assert.Equal(kept, warehouse.Scalar<long>("SELECT count(*) FROM raw.police_street"));
    }

    [Fact]
    public void A_header_only_new_month_is_not_counted_as_the_forces_latest_month()
    {
        LoadSeptember();

        var run = warehouse.Run(Republish("new", 0, month: "2025-10"));

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        using var connection = DuckDbConnections.OpenReadOnly(warehouse.Published.Path);
        var kent = FreshnessReport.Read(connection, new DateOnly(2026, 1, 15)).Single(source => source is { SourceKind: "police_street", ForceSlug: "kent" });
        Assert.Equal("2025-09", kent.LatestPeriod);
    }

    [Fact]
    public async Task The_data_page_shows_why_the_month_was_refused()
    {
        LoadSeptember();
        warehouse.Run(Republish("republished", 0));

        await using var dashboard = new DashboardFactory(warehouse.Root);
        using var client = dashboard.CreateClient();
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/data"));

        Assert.Contains("republishes kent 2025-09 with 0 records", html);
        Assert.Contains("Etl:MaxShrinkPercent (50%)", html);
    }

    [Fact]
    public void The_share_is_a_setting_checked_when_read()
    {
        var settings = Path.Combine(warehouse.Inputs, "shrink.json");
        File.WriteAllText(settings, """{ "Etl": { "MaxShrinkPercent": 150 } }""");
        var errors = new StringWriter();

        var exitCode = EtlProgram.Execute(["run", "--source", warehouse.Inputs, "--warehouse", warehouse.Root, "--settings", settings], TextWriter.Null, errors);

        Assert.Equal((int)ExitCode.Usage, exitCode);
        Assert.Contains("Etl:MaxShrinkPercent must be a whole number from 0 to 100", errors.ToString());
        Assert.Equal(50, new ShrinkGuard().MaxShrinkPercent);
    }

    public void Dispose() => warehouse.Dispose();
}
