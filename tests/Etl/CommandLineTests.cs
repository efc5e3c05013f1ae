using System.Text.Json;
using Analytics.Etl.Cli;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

[Collection(SampleWarehouseCollection.Name)]
public sealed class CommandLineTests(SampleWarehouseFixture sample)
{
    private static (int ExitCode, string Output, string Errors) Etl(params string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = EtlProgram.Execute(args, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    [Fact]
    public void Help_documents_every_command_and_exit_code()
    {
        var (exitCode, output, _) = Etl("--help");
        Assert.Equal(0, exitCode);
        foreach (var text in new[] { "run --source PATH", "status", "--json", "--keep", "--fail-on-rejects" })
            Assert.Contains(text, output);
        foreach (var code in Enum.GetValues<Analytics.Etl.Pipeline.ExitCode>())
            Assert.Contains($"\n  {(int)code,-3} ", output);
    }

    [Theory]
    [InlineData(new[] { "load" }, "unknown command 'load'")]
    [InlineData(new[] { "schedule", "--source", "x" }, "'--source' is not an option of 'schedule'")]
    [InlineData(new[] { "run", "--log", "xml" }, "--log takes text or json")]
    [InlineData(new[] { "run", "--source" }, "--source needs a value")]
    [InlineData(new[] { "status", "--warehouse", "x", "--colour" }, "'--colour' is not an option of 'status'")]
    [InlineData(new[] { "run", "--source", "x", "--warehouse", "y", "--keep", "none" }, "--keep takes a whole number")]
    public void A_command_line_that_does_not_parse_exits_64_with_a_message(string[] args, string message)
    {
        var (exitCode, _, errors) = Etl(args);
        Assert.Equal(64, exitCode);
        Assert.Contains(message, errors);
        Assert.DoesNotContain("   at ", errors);
    }

    [Fact]
    public void Status_as_json_names_the_published_snapshot_and_the_runs()
    {
        var (exitCode, output, _) = Etl("status", "--warehouse", sample.Warehouse.Root, "--json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(sample.Warehouse.Published.Path, json.RootElement.GetProperty("published_snapshot").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal("published", run.GetProperty("status").GetString());
        Assert.Equal(sample.Result.RowsRead, run.GetProperty("rows_read").GetInt64());
        Assert.Contains(json.RootElement.GetProperty("sources").EnumerateArray(),
            source => source.GetProperty("force_slug").GetString() == "kent" && source.GetProperty("latest_period").GetString() == "2025-09");
    }

    [Fact]
    public void Without_warehouse_the_ETL_reads_the_setting_the_dashboard_reads()
    {
        using var etl = new EtlProcess(new Dictionary<string, string> { ["Warehouse__Directory"] = sample.Warehouse.Root }, "status", "--json");
        Assert.Equal(0, etl.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Contains(JsonEncodedText.Encode(sample.Warehouse.Published.Path).ToString(), etl.Output);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")), "the dashboard's settings file travels with the ETL");
    }

    [Fact]
    public void Status_as_text_shows_the_snapshot_and_runs()
    {
        var (exitCode, output, _) = Etl("status", "--warehouse", sample.Warehouse.Root);
        Assert.Equal(0, exitCode);
        Assert.Contains("Published snapshot", output);
        Assert.Contains(sample.Result.RunId, output);
    }
}
