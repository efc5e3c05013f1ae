using Analytics.Etl.Logging;
using Analytics.Etl.Pipeline;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Hosting;

/// <summary>
/// On first start, when the warehouse folder has no published snapshot, loads the bundled sample with the ETL
/// library before the server starts listening, and says so in the log.
/// </summary>
public sealed partial class SampleWarehouseBuilder(WarehouseDirectory warehouse, IOptions<WarehouseOptions> options, ILogger<SampleWarehouseBuilder> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A lost snapshot or a garbled pointer is the operator's to repair, not a reason to build over it or not to
        // start: the pages say the warehouse cannot be read and how to recover.
        if (SnapshotHealth.Problem(warehouse) is { } problem)
        {
            LogUnreadable(logger, problem, SnapshotHealth.Recovery(warehouse));
            return Task.CompletedTask;
        }
        if (warehouse.ReadPublished() is { } published)
        {
            LogUsing(logger, published.Path);
            return Task.CompletedTask;
        }
        if (!options.Value.BuildFromSampleWhenEmpty)
        {
            LogEmpty(logger, warehouse.Root);
            return Task.CompletedTask;
        }
        var sample = WarehouseLocation.Resolve(options.Value.SampleSource);
        LogBuilding(logger, warehouse.Root, sample);
        var result = EtlPipeline.Run(new RunOptions([sample], warehouse.Root) { Trigger = "dashboard first start" }, new LoggingReporter(logger));
        if (result.Published is null) LogBuildFailed(logger, result.Errors);
        else LogBuilt(logger, result.Published.Path, result.RowsLoaded, result.RowsRejected);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The published warehouse cannot be read: {Problem}; {Recovery}")]
    private static partial void LogUnreadable(ILogger logger, string problem, string recovery);
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the published warehouse snapshot {Snapshot}")]
    private static partial void LogUsing(ILogger logger, string snapshot);
    [LoggerMessage(Level = LogLevel.Warning, Message = "No published warehouse in {Directory} and building from the sample is switched off; pages will say there is no data")]
    private static partial void LogEmpty(ILogger logger, string directory);
    [LoggerMessage(Level = LogLevel.Information, Message = "No published warehouse in {Directory}: building one from the bundled sample {Sample} with the ETL first")]
    private static partial void LogBuilding(ILogger logger, string directory, string sample);
    [LoggerMessage(Level = LogLevel.Information, Message = "Built and published {Snapshot}: {Loaded} rows loaded, {Rejected} rejected")]
    private static partial void LogBuilt(ILogger logger, string snapshot, long loaded, long rejected);
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not build the sample warehouse: {Errors}")]
    private static partial void LogBuildFailed(ILogger logger, IReadOnlyList<string> errors);
}
