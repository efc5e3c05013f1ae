using System.Text.Json;
using Analytics.Etl.Cli;
using Analytics.Etl.Inbox;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>run --download as data staff use it: fetch the newest police month into the inbox, then load the inbox.</summary>
public sealed class DownloadCommandTests : IDisposable
{
    private static readonly string[] KentOnly = ["kent"];
    private readonly TemporaryWarehouse warehouse = new();

    [Fact]
    public async Task Run_with_download_fetches_the_newest_month_into_the_inbox_and_loads_it()
    {
        await using var server = await ArchiveServer.StartAsync();
        server.Serve(TestPoliceArchive.Month, TestPoliceArchive.Bytes);
        var inbox = Path.Combine(warehouse.Inputs, "inbox");
        var settings = Path.Combine(warehouse.Inputs, "download-settings.json");
        File.WriteAllText(settings, JsonSerializer.Serialize(new
        {
            Etl = new
            {
                Inbox = inbox,
                Download = new { ArchiveAddress = server.AddressTemplate, Forces = KentOnly, MonthsToProbe = 36 },
            },
        }));
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exitCode = EtlProgram.Execute(["run", "--download", "--settings", settings, "--warehouse", warehouse.Root, "--plain"], output, errors);

        Assert.True(exitCode == 0, output + "\n" + errors);
        Assert.Contains(TestPoliceArchive.Month, server.RequestedMonths);
        Assert.Equal(TestPoliceArchive.Month, warehouse.Scalar<string>(
            "SELECT max(period) FROM meta.source_files WHERE source_kind = 'police_street' AND force_slug = 'kent' AND status = 'loaded'"));
        var processed = Directory.GetFiles(Path.Combine(inbox, InboxFolder.ProcessedFolder), "*-kent-street.csv", SearchOption.AllDirectories);
        Assert.Equal($"{TestPoliceArchive.Month}-kent-street.csv", Path.GetFileName(Assert.Single(processed)));
    }

    [Fact]
    public void Run_with_download_but_no_download_settings_names_the_setting()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = EtlProgram.Execute(["run", "--download", "--inbox", warehouse.Inputs, "--warehouse", warehouse.Root], output, errors);
        Assert.Equal(64, exitCode);
        Assert.Contains("Etl:Download:Forces", errors.ToString());
    }

    public void Dispose() => warehouse.Dispose();
}
