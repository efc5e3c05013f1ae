using Analytics.Warehouse;
using Analytics.Warehouse.Storage;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Pipeline;

/// <summary>
/// etl repair: when published.json is unreadable or names a snapshot that is gone, publishes the newest snapshot
/// in snapshots/ that opens and reads as a warehouse. When none is left, sets the broken pointer aside, so that a
/// rebuild (run --source ...) starts from nothing, and says so. Holds the lock, like a run.
/// </summary>
public static class SnapshotRepair
{
    public const string Trigger = "repair";

    public static RunResult Run(string warehouseDirectory, IRunReporter reporter)
    {
        var warehouse = new WarehouseDirectory(warehouseDirectory);
        if (EtlPipeline.Lock(warehouse, reporter, out var runLock) is { } refused) return refused;
        using var held = runLock;
        var runId = EtlPipeline.NewRunId();
        if (SnapshotHealth.Problem(warehouse) is not { } problem)
        {
            var published = warehouse.ReadPublished();
            reporter.Progress(published is null ? "nothing has been published yet; nothing to repair" : $"published.json names {published.Snapshot}, which is there; nothing to repair");
            return new RunResult(runId, ExitCode.Success, RunStatus.NothingToDo, [], [], [], published);
        }

        var journal = new RunJournal(warehouse);
        journal.Append(new RunEvent("run_started", runId, DateTimeOffset.UtcNow, Trigger: Trigger));
        reporter.RunStarted(runId, Trigger);
        reporter.Progress(problem);
        var result = RepublishNewestIntact(warehouse, runId, reporter) ?? SetPointerAside(warehouse, runId, reporter);
        journal.Append(RunEvents.Finished(result));
        reporter.RunFinished(result);
        return result;
    }

    private static RunResult? RepublishNewestIntact(WarehouseDirectory warehouse, string runId, IRunReporter reporter)
    {
        foreach (var candidate in SnapshotPublisher.NewestFirst(warehouse))
        {
            if (SchemaVersion(candidate) is not { } version)
            {
                reporter.Problem($"{candidate}: cannot be read as a warehouse snapshot; passed over");
                continue;
            }
            var published = SnapshotPublisher.Republish(warehouse, candidate, version);
            reporter.Progress($"published {published.Snapshot} again, the newest intact snapshot");
            return new RunResult(runId, ExitCode.Success, RunStatus.Published, [], [], [], published);
        }
        return null;
    }

    /// <summary>Nothing to publish: the broken pointer is kept beside it for inspection, and a rebuild starts clean.</summary>
    private static RunResult SetPointerAside(WarehouseDirectory warehouse, string runId, IRunReporter reporter)
    {
        var aside = $"{warehouse.PointerPath}.broken-{runId}";
        if (File.Exists(warehouse.PointerPath)) File.Move(warehouse.PointerPath, aside);
        var message = $"no intact snapshot is left in {warehouse.SnapshotsDirectory}, so nothing could be published again; the broken " +
            $"published.json was moved to {Path.GetFileName(aside)}. Rebuild the warehouse by loading every source again: " +
            $"dotnet run --project etl -- run --source PATH [--source PATH ...] --warehouse {warehouse.Root}";
        reporter.Problem(message);
        return new RunResult(runId, ExitCode.Unexpected, RunStatus.Failed, [], [message], [], null);
    }

    /// <summary>The snapshot's schema version when it opens and reads as a warehouse; null when it does not.</summary>
    private static int? SchemaVersion(string snapshot)
    {
        try
        {
            using var connection = DuckDbConnections.OpenReadOnly(snapshot);
            var version = connection.ExecuteScalar<int?>("SELECT max(version) FROM meta.schema_migrations");
            connection.ExecuteScalar<long>("SELECT count(*) FROM meta.source_files");
            return version;
        }
        catch (Exception broken) when (broken is DuckDBException or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
