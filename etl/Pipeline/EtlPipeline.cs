using Analytics.Etl.Loading;
using Analytics.Etl.Sources;
using Analytics.Warehouse;
using Analytics.Warehouse.Schema;
using Analytics.Warehouse.Storage;
using Analytics.Warehouse.Testing;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Pipeline;

/// <summary>
/// One ETL run: copy the published snapshot to a private working copy, load every new or changed file into
/// it, rebuild the models, run the data tests, and only if they pass publish the copy as the new snapshot.
/// Whatever fails or is killed on the way, the published snapshot is never touched.
/// </summary>
public static class EtlPipeline
{
    public static RunResult Run(RunOptions options, IRunReporter reporter)
    {
        var warehouse = new WarehouseDirectory(options.WarehouseDirectory);
        using var runLock = WarehouseLock.TryAcquire(warehouse);
        var runId = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}";
        if (runLock is null)
        {
            var busy = $"another ETL run is in progress on {warehouse.Root}";
            reporter.Problem(busy);
            return new RunResult(runId, ExitCode.Busy, "busy", [], [busy], [], null);
        }

        var journal = new RunJournal(warehouse);
        var startedAt = DateTimeOffset.UtcNow;
        journal.Append(new RunEvent("run_started", runId, startedAt, Trigger: options.Trigger));
        RemoveStaleWork(warehouse);
        var workDirectory = Path.Combine(warehouse.WorkDirectory, runId);
        Directory.CreateDirectory(workDirectory);

        var files = new List<LoadedFile>();
        var errors = new List<string>();
        IReadOnlyList<DataTestResult> tests = [];
        try
        {
            var (exitCode, status, published) = LoadTestPublish(options, reporter, warehouse, runId, startedAt, workDirectory, files, errors, ref tests);
            var result = new RunResult(runId, exitCode, status, files, errors, tests, published);
            Finish(journal, result);
            return result;
        }
        catch (Exception unexpected) when (unexpected is IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
        {
            errors.Add($"the run stopped: {FirstLine(unexpected.Message)}");
            reporter.Problem(errors[^1]);
            var result = new RunResult(runId, ExitCode.Unexpected, "failed", files, errors, tests, null);
            Finish(journal, result);
            return result;
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    private static (ExitCode, string, PublishedSnapshot?) LoadTestPublish(
        RunOptions options, IRunReporter reporter, WarehouseDirectory warehouse, string runId, DateTimeOffset startedAt,
        string workDirectory, List<LoadedFile> files, List<string> errors, ref IReadOnlyList<DataTestResult> tests)
    {
        var workingCopy = Path.Combine(workDirectory, "warehouse.duckdb");
        var previous = warehouse.ReadPublished();
        if (previous is not null)
        {
            reporter.Progress($"copying published snapshot {Path.GetFileName(previous.Path)}");
            File.Copy(previous.Path, workingCopy);
            File.SetAttributes(workingCopy, FileAttributes.Normal);
        }

        using (var connection = DuckDbConnections.OpenReadWrite(workingCopy))
        {
            var migrations = Migrator.Migrate(connection);
            if (migrations.Count > 0) reporter.Progress($"schema migrated to version {Migrator.LatestVersion} ({migrations.Count} migrations)");
            SeedLoader.Load(connection, Path.Combine(workDirectory, "seeds"));

            var discovered = Discover(options, workDirectory, errors, reporter);
            reporter.FilesFound(discovered.Count);
            foreach (var file in discovered)
            {
                try
                {
                    var loaded = FileLoader.Load(connection, file, runId, options.Today);
                    files.Add(loaded);
                    reporter.FileDone(loaded);
                }
                catch (SourceFileException unreadable)
                {
                    errors.Add(unreadable.Message);
                    reporter.Problem(unreadable.Message);
                }
                catch (DuckDBException engine)
                {
                    errors.Add($"{file.SourcePath}: could not be read as CSV ({FirstLine(engine.Message)})");
                    reporter.Problem(errors[^1]);
                }
            }
            if (errors.Count > 0)
                return (ExitCode.SourceUnreadable, "failed", null);

            if (previous is not null && migrations.Count == 0 && !files.Any(file => file.Outcome == FileOutcome.Loaded))
            {
                reporter.Progress("nothing new to load; the published snapshot stays as it is");
                return (ExitCode.Success, "unchanged", previous);
            }

            reporter.Progress($"building {ModelCatalog.All.Count} models");
            ModelBuilder.BuildAll(connection, Path.Combine(workDirectory, "seeds"));
            reporter.Progress($"running {DataTestCatalog.All.Count} data tests");
            tests = DataTestRunner.RunAll(connection);
            foreach (var failure in tests.Where(test => !test.Passed))
                reporter.Problem($"data test {failure.Test.Name} on {failure.Test.Model} ({failure.Test.Severity}): {failure.FailingRows:N0} failing rows, e.g. {failure.Example}");
            if (tests.Any(test => test.BlocksPublish))
            {
                errors.Add($"{tests.Count(test => test.BlocksPublish)} data tests failed; nothing was published");
                return (ExitCode.DataTestsFailed, "failed", null);
            }

            RecordRun(connection, runId, startedAt, options.Trigger, files, tests);
            connection.Execute("CHECKPOINT");
        }

        reporter.Progress("publishing snapshot");
        var published = SnapshotPublisher.Publish(warehouse, workingCopy, runId, Migrator.LatestVersion, options.SnapshotsToKeep);
        var rejected = files.Sum(file => file.RowsRejected);
        return options.FailOnRejects && rejected > 0
            ? (ExitCode.RowsRejected, "published with rejects", published)
            : (ExitCode.Success, "published", published);
    }

    private static List<DiscoveredFile> Discover(RunOptions options, string workDirectory, List<string> errors, IRunReporter reporter)
    {
        var discovered = new List<DiscoveredFile>();
        foreach (var (source, index) in options.Sources.Select((source, index) => (source, index)))
        {
            try
            {
                discovered.AddRange(SourceDiscovery.Discover([source], Path.Combine(workDirectory, $"source{index + 1}"), options.ZipLimits));
            }
            catch (SourceFileException unreadable)
            {
                errors.Add(unreadable.Message);
                reporter.Problem(unreadable.Message);
            }
        }
        return discovered;
    }

    private static void RecordRun(DuckDBConnection connection, string runId, DateTimeOffset startedAt, string trigger,
        List<LoadedFile> files, IReadOnlyList<DataTestResult> tests)
    {
        connection.Execute("""
            INSERT INTO meta.load_runs (run_id, started_at, finished_at, trigger, status, files_seen, files_loaded,
                                        rows_read, rows_loaded, rows_rejected, data_tests_run, data_tests_failed, message)
            VALUES ($run_id, $started_at, now()::TIMESTAMP, $trigger, 'published', $files_seen, $files_loaded,
                    $rows_read, $rows_loaded, $rows_rejected, $tests_run, $tests_failed, NULL)
            """, new
        {
            run_id = runId, started_at = startedAt.UtcDateTime, trigger,
            files_seen = files.Count, files_loaded = files.Count(file => file.Outcome == FileOutcome.Loaded),
            rows_read = files.Sum(file => file.RowsRead), rows_loaded = files.Sum(file => file.RowsLoaded),
            rows_rejected = files.Sum(file => file.RowsRejected),
            tests_run = tests.Count, tests_failed = tests.Count(test => !test.Passed),
        });
    }

    private static void Finish(RunJournal journal, RunResult result) =>
        journal.Append(new RunEvent("run_finished", result.RunId, DateTimeOffset.UtcNow,
            Status: result.Status, FilesSeen: result.Files.Count,
            FilesLoaded: result.Files.Count(file => file.Outcome == FileOutcome.Loaded),
            RowsRead: result.RowsRead, RowsLoaded: result.RowsLoaded, RowsRejected: result.RowsRejected,
            DataTestsFailed: result.DataTests.Count(test => test.BlocksPublish),
            PublishedSnapshot: result.Published?.Snapshot,
            Message: result.Errors.Count > 0 ? string.Join(" | ", result.Errors) : null));

    /// <summary>Work folders left by killed runs; safe to remove because this run holds the lock.</summary>
    private static void RemoveStaleWork(WarehouseDirectory warehouse)
    {
        if (!Directory.Exists(warehouse.WorkDirectory)) return;
        foreach (var stale in Directory.GetDirectories(warehouse.WorkDirectory)) TryDelete(stale);
    }

    private static void TryDelete(string directory)
    {
        try { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* removed by the next run */ }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
