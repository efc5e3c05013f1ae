using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Hosting;

/// <summary>
/// On first start, when the warehouse folder has no published snapshot, loads the bundled sample by running the ETL
/// (<see cref="EtlProcess"/>) before the server starts listening, and says so in the log. The web process only
/// reads: it carries none of the ETL's code or packages.
/// </summary>
public sealed partial class SampleWarehouseBuilder(WarehouseDirectory warehouse, IOptions<WarehouseOptions> options, ILogger<SampleWarehouseBuilder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A lost snapshot or a garbled pointer is the operator's to repair, not a reason to build over it or not to
        // start: the pages say the warehouse cannot be read and how to recover.
        if (SnapshotHealth.Problem(warehouse) is { } problem)
        {
            LogUnreadable(logger, problem, SnapshotHealth.Recovery(warehouse));
            return;
        }
        if (warehouse.ReadPublished() is { } published)
        {
            LogUsing(logger, published.Path);
            return;
        }
        if (!options.Value.BuildFromSampleWhenEmpty)
        {
            LogEmpty(logger, warehouse.Root);
            return;
        }
        var etl = EtlProcess.Find(options.Value.EtlProject);
        if (etl is null)
        {
            LogNoEtl(logger, warehouse.Root, options.Value.EtlProject);
            return;
        }
        var sample = WarehouseLocation.Resolve(options.Value.SampleSource);
        LogBuilding(logger, warehouse.Root, sample);
        var exitCode = await etl.RunAsync(
            ["run", "--source", sample, "--warehouse", warehouse.Root, "--trigger", "dashboard first start", "--plain"],
            line => LogEtl(logger, line), cancellationToken);
        if (exitCode == 0 && warehouse.ReadPublished() is { } built) LogBuilt(logger, built.Path);
        else LogBuildFailed(logger, exitCode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The published warehouse cannot be read: {Problem}; {Recovery}")]
    private static partial void LogUnreadable(ILogger logger, string problem, string recovery);
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the published warehouse snapshot {Snapshot}")]
    private static partial void LogUsing(ILogger logger, string snapshot);
    [LoggerMessage(Level = LogLevel.Warning, Message = "No published warehouse in {Directory} and building from the sample is switched off; pages will say there is no data")]
    private static partial void LogEmpty(ILogger logger, string directory);
    [LoggerMessage(Level = LogLevel.Warning, Message = "No published warehouse in {Directory}, and no ETL project at {EtlProject} to build one from the sample; run the ETL, then restart")]
    private static partial void LogNoEtl(ILogger logger, string directory, string etlProject);
    [LoggerMessage(Level = LogLevel.Information, Message = "No published warehouse in {Directory}: running the ETL on the bundled sample {Sample} first")]
    private static partial void LogBuilding(ILogger logger, string directory, string sample);
    [LoggerMessage(Level = LogLevel.Information, Message = "etl: {Line}")]
    private static partial void LogEtl(ILogger logger, string line);
    [LoggerMessage(Level = LogLevel.Information, Message = "Built and published {Snapshot} from the sample")]
    private static partial void LogBuilt(ILogger logger, string snapshot);
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not build the sample warehouse: the ETL exited with code {ExitCode} (its lines above say why)")]
    private static partial void LogBuildFailed(ILogger logger, int exitCode);
}
