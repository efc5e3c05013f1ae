using Analytics.Etl.Cli;
using Analytics.Etl.Download;
using Analytics.Etl.Pipeline;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Configuration;

namespace Analytics.Etl.Scheduling;

/// <summary>
/// The optional police download (Etl:Download) as a step a run takes under the lock before reading the inbox. A
/// failed download is reported and the run goes on with what the inbox already holds.
/// </summary>
public sealed class DownloadWiring(PoliceArchiveSettings? settings)
{
    public const string Section = "Etl:" + PoliceArchiveSettings.Section;

    public static DownloadWiring From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new(section.Exists() ? section.Get<PoliceArchiveSettings>() : null);
    }

    /// <exception cref="UsageException">when no download is configured or its settings are wrong, naming them.</exception>
    public PoliceArchiveSettings CheckReady(string? inboxDirectory)
    {
        if (settings is null) throw new UsageException($"the download needs settings: {Section}:Forces (and optionally {Section}:ArchiveAddress) in etlsettings.json");
        if (inboxDirectory is null) throw new UsageException("the download writes into the inbox, but no inbox is configured (Etl:Inbox or --inbox)");
        if (settings.Validate() is { Count: > 0 } problems) throw new UsageException("Etl:" + string.Join("; Etl:", problems));
        return settings;
    }

    /// <exception cref="UsageException">as <see cref="CheckReady"/>.</exception>
    public Func<IRunReporter, CancellationToken, Task> Fetch(string warehouseDirectory, string? inboxDirectory)
    {
        var ready = CheckReady(inboxDirectory);
        var inbox = inboxDirectory!;
        return async (reporter, cancellation) =>
        {
            using var http = new HttpClient();
            try
            {
                var loaded = LoadedPoliceMonths.Read(new WarehouseDirectory(warehouseDirectory));
                var outcome = await new PoliceArchiveDownloader(http).FetchNewestAsync(ready, inbox, loaded,
                    DateOnly.FromDateTime(DateTime.UtcNow), reporter.Progress, cancellation).ConfigureAwait(false);
                foreach (var force in outcome.UnknownForces)
                    reporter.Problem($"{Section}:Forces: '{force}' is not in the archive {outcome.Address}; check its spelling");
            }
            catch (PoliceArchiveDownloadException failed)
            {
                reporter.Problem(failed.Message + "; loading what the inbox already holds");
            }
        };
    }
}
