using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Pipeline;

/// <summary>
/// The entry point for one ETL run: takes the warehouse lock, runs, and records the outcome in runs.jsonl.
/// Whatever fails or is killed on the way, the published snapshot is never touched (see <see cref="EtlRun"/>).
/// </summary>
public static class EtlPipeline
{
    public static RunResult Run(RunOptions options, IRunReporter reporter)
    {
        var warehouse = new WarehouseDirectory(options.WarehouseDirectory);
        var runId = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}";
        using var runLock = WarehouseLock.TryAcquire(warehouse);
        if (runLock is null)
        {
            var busy = $"another ETL run is in progress on {warehouse.Root}";
            reporter.Problem(busy);
            return new RunResult(runId, ExitCode.Busy, "busy", [], [busy], [], null);
        }

        var journal = new RunJournal(warehouse);
        journal.Append(new RunEvent("run_started", runId, DateTimeOffset.UtcNow, Trigger: options.Trigger));
        var result = new EtlRun(options, reporter, warehouse, runId).Execute();
        journal.Append(new RunEvent("run_finished", result.RunId, DateTimeOffset.UtcNow,
            Status: result.Status, FilesSeen: result.Files.Count,
            FilesLoaded: result.Files.Count(file => file.Outcome == Loading.FileOutcome.Loaded),
            RowsRead: result.RowsRead, RowsLoaded: result.RowsLoaded, RowsRejected: result.RowsRejected,
            DataTestsFailed: result.DataTests.Count(test => test.BlocksPublish),
            PublishedSnapshot: result.Published?.Snapshot,
            Message: result.Errors.Count > 0 ? string.Join(" | ", result.Errors) : null));
        return result;
    }
}
