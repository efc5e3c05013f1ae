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
/// One run, holding the warehouse lock: copy the published snapshot to a private working copy, load every new
/// or changed file into it, rebuild the models, run the data tests, and only if they pass publish the copy.
/// </summary>
internal sealed class EtlRun(RunOptions options, IRunReporter reporter, WarehouseDirectory warehouse, string runId, IReadOnlyList<SourceInput> inputs)
{
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private readonly string workDirectory = Path.Combine(warehouse.WorkDirectory, runId);
    private readonly List<LoadedFile> files = [];
    private readonly List<string> errors = [];
    private readonly Dictionary<string, string> fileProblems = [];
    private IReadOnlyList<DataTestResult> tests = [];

    private string WorkingCopy => Path.Combine(workDirectory, "warehouse.duckdb");
    private string Seeds => Path.Combine(workDirectory, "seeds");

    public RunResult Execute()
    {
        Directory.CreateDirectory(workDirectory);
        try
        {
            var (exitCode, status, published) = LoadTestPublish();
            return Result(exitCode, status, published);
        }
        catch (Exception stopped) when (stopped is OperationCanceledException || options.Cancellation.IsCancellationRequested)
        {
            // A stop seen between steps, or DuckDB's "Interrupted!" from a query the stop broke off.
            Fail("the run was stopped (Ctrl+C or SIGTERM) before it finished");
            return Result(ExitCode.Stopped, "stopped", null);
        }
        catch (Exception stopped)
        {
            // Disk full, permissions, or a fault of ours: reported and journalled, never a stack trace.
            Fail($"the run stopped: {FirstLine(stopped.Message)}");
            return Result(ExitCode.Unexpected, RunStatus.Failed, null);
        }
        finally
        {
            SnapshotCopier.KeepUnpublished(warehouse, WorkingCopy); // published, it is no longer there
            TryDelete(workDirectory);
        }
    }

    private (ExitCode, string, PublishedSnapshot?) LoadTestPublish()
    {
        var previous = warehouse.ReadPublished();
        if (previous is not null)
        {
            reporter.Progress($"copying published snapshot {Path.GetFileName(previous.Path)}");
            var copy = SnapshotCopier.Make(warehouse, previous.Path, WorkingCopy, options.Cancellation);
            var size = $"{new FileInfo(WorkingCopy).Length / 1048576.0:N0} MiB, on {FileSystemType.Of(workDirectory)}";
            reporter.Progress(copy.SpareRewritten
                ? $"snapshot copied in {copy.Took.TotalSeconds:F1} s by rewriting the spare's {copy.BytesWritten / 1048576.0:N0} MiB that differed ({size})"
                : $"snapshot copied in {copy.Took.TotalSeconds:F1} s ({size})");
        }

        reporter.Progress($"DuckDB memory limit {options.MemoryLimitMiB:N0} MiB; beyond it the run spills to its work folder");
        using (var connection = DuckDbConnections.OpenReadWrite(WorkingCopy, options.MemoryLimitMiB, Path.Combine(workDirectory, "spill")))
        using (new QueryInterrupter(connection, options.Cancellation))
        {
            var migrations = Migrator.Migrate(connection);
            if (migrations.Count > 0) reporter.Progress($"schema migrated to version {Migrator.LatestVersion} ({migrations.Count} migrations)");
            SeedLoader.Load(connection, Seeds);

            var discovered = Discover();
            PausePoint.Reached("reading", reporter);
            LoadAll(connection, discovered);
            if (errors.Count > 0) return (ExitCode.SourceUnreadable, RunStatus.Failed, null);
            options.Cancellation.ThrowIfCancellationRequested();

            if (previous is not null && migrations.Count == 0 && !files.Any(file => file.Outcome == FileOutcome.Loaded))
            {
                if (ModelBuilder.BuiltByThisCode(connection))
                {
                    reporter.Progress("nothing new to load; the published snapshot stays as it is");
                    return (ExitCode.Success, RunStatus.Unchanged, previous);
                }
                reporter.Progress("nothing new to load, but the models were built by another version of the code or of DuckDB: building them anew");
            }

            reporter.Progress($"building {ModelCatalog.All.Count} models");
            var build = ModelBuilder.BuildAll(connection, runId, options.FullBuild, reporter.StepDone);
            reporter.Progress(build.Kind == BuildKind.Incremental
                ? $"models built incrementally: {build.FilesInScope:N0} files, {build.CrimesInScope:N0} Crime IDs and {build.MonthsInScope:N0} months in scope"
                : $"models built in full: {build.Reason}");
            options.Cancellation.ThrowIfCancellationRequested();
            reporter.Progress($"running {DataTestCatalog.All.Count} data tests");
            PausePoint.Reached("data-tests", reporter);
            tests = DataTestRunner.RunAll(connection, scoped: build.Kind == BuildKind.Incremental, reporter.StepDone);
            foreach (var failure in tests.Where(test => !test.Passed))
                reporter.Problem(failure.Describe());
            if (tests.Any(test => test.BlocksPublish))
            {
                errors.Add($"{tests.Count(test => test.BlocksPublish)} data tests failed; nothing was published");
                return (ExitCode.DataTestsFailed, RunStatus.Failed, null);
            }

            RecordRun(connection);
            LineageRecorder.Record(connection, runId, tests);
            connection.Execute("CHECKPOINT");
        }

        options.Cancellation.ThrowIfCancellationRequested();
        reporter.Progress("publishing snapshot");
        var published = SnapshotPublisher.Publish(warehouse, WorkingCopy, runId, Migrator.LatestVersion, options.SnapshotsToKeep,
            beforePointer: () => PausePoint.Reached("publish", reporter));
        return options.FailOnRejects && files.Sum(file => file.RowsRejected) > 0
            ? (ExitCode.RowsRejected, RunStatus.PublishedWithRejects, published)
            : (ExitCode.Success, RunStatus.Published, published);
    }

    private List<DiscoveredFile> Discover()
    {
        var discovered = new List<DiscoveredFile>();
        foreach (var (source, index) in inputs.Select((source, index) => (source, index)))
        {
            try
            {
                discovered.AddRange(SourceDiscovery.Discover([source], Path.Combine(workDirectory, $"source{index + 1}"), options.ZipLimits));
            }
            catch (SourceFileException unreadable)
            {
                Fail(unreadable.Message, unreadable.SourcePath);
            }
        }
        reporter.FilesFound(discovered.Count);
        return discovered.OrderBy(SourceClassifier.LoadOrder).ToList(); // stable: paths keep their order within a kind
    }

    /// <summary>How much write-ahead log the file loop lets gather before DuckDB checkpoints it (see <see cref="LoadAll"/>).</summary>
    private const int LoadCheckpointMiB = 256;

    /// <summary>Loads every file, carrying on past unreadable ones so that one run names them all.</summary>
    private void LoadAll(DuckDBConnection connection, List<DiscoveredFile> discovered)
    {
        // DuckDB folds its write-ahead log into the file whenever the log passes 16 MB: at one commit a file that was a
        // checkpoint every few police files, each rewriting the tables' last row groups, half the time of the file
        // loop. The models checkpoint once the files are in; this bound keeps the log's size on disk in check meanwhile.
        connection.Execute($"SET checkpoint_threshold = '{LoadCheckpointMiB}MiB'");
        // A file removed since it was found counts nothing here; reading it fails the run by its name below.
        var sizes = discovered.Select(file => new FileInfo(file.LocalPath) is { Exists: true } found ? found.Length : 0).ToList();
        var (bytesTotal, bytesDone, rowsDone) = (sizes.Sum(), 0L, 0L);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Two cores: the next CSV file's checksum and line scan (C#) run while DuckDB parses this one. Read once, the
        // checksums loaded spare the scan of files about to be skipped as unchanged; each file's turn still decides.
        using var readAhead = new CsvReadAhead(discovered, Path.Combine(workDirectory, "staging"), FileLoader.LoadedChecksums(connection), options.Cancellation);
        foreach (var (file, index) in discovered.Select((file, index) => (file, index)))
        {
            options.Cancellation.ThrowIfCancellationRequested();
            reporter.FileStarted(file.SourcePath);
            var started = clock.Elapsed.TotalSeconds;
            bytesDone += sizes[index]; // read, whether it loads or not
            try
            {
                LoadedFile loaded;
                using (var prepared = readAhead.Take(index)) // its clean copy is deleted as soon as the file is done
                    loaded = FileLoader.Load(connection, file, prepared, runId, options.Today, options.Cancellation, options.Shrink);
                files.Add(loaded);
                reporter.FileDone(loaded);
                rowsDone += loaded.RowsRead;
                reporter.Loading(new LoadProgress(loaded.SourcePath, loaded.RowsRead, clock.Elapsed.TotalSeconds - started,
                    index + 1, discovered.Count, bytesDone, bytesTotal, rowsDone, clock.Elapsed.TotalSeconds));
                if (loaded.Outcome == FileOutcome.Loaded) PausePoint.Reached("loading", reporter);
            }
            catch (Exception stopped) when (options.Cancellation.IsCancellationRequested && stopped is not OperationCanceledException)
            {
                throw new OperationCanceledException("stopped while reading " + file.SourcePath, stopped, options.Cancellation);
            }
            catch (SourceFileException unreadable)
            {
                Fail(unreadable.Message, unreadable.SourcePath);
            }
            catch (Exception gone) when (gone is DuckDBException or IOException && !File.Exists(file.LocalPath))
            {
                Fail($"{file.SourcePath}: the file was removed while it was being read", file.SourcePath);
            }
            catch (DuckDBException engine) when (!IsWarehouseFailure(engine))
            {
                Fail($"{file.SourcePath}: could not be read as CSV ({FirstLine(engine.Message)})", file.SourcePath);
            }
        }
    }

    private void RecordRun(DuckDBConnection connection) =>
        connection.Execute("""
            INSERT INTO meta.load_runs (run_id, started_at, finished_at, trigger, status, files_seen, files_loaded,
                                        rows_read, rows_loaded, rows_rejected, data_tests_run, data_tests_failed, message)
            VALUES ($run_id, $started_at, now()::TIMESTAMP, $trigger, $status, $files_seen, $files_loaded,
                    $rows_read, $rows_loaded, $rows_rejected, $tests_run, $tests_failed, NULL)
            """, new
        {
            run_id = runId, started_at = startedAt.UtcDateTime, trigger = options.Trigger, status = RunStatus.Published,
            files_seen = files.Count, files_loaded = files.Count(file => file.Outcome == FileOutcome.Loaded),
            rows_read = files.Sum(file => file.RowsRead), rows_loaded = files.Sum(file => file.RowsLoaded),
            rows_rejected = files.Sum(file => file.RowsRejected),
            tests_run = tests.Count, tests_failed = tests.Count(test => !test.Passed),
        });

    /// <summary>Writing the working copy failed (a full disk, say) or DuckDB ran out of its memory limit: the run stops,
    /// and no source file is blamed.</summary>
    private bool IsWarehouseFailure(DuckDBException engine) =>
        engine.Message.Contains(WorkingCopy, StringComparison.Ordinal) || engine.Message.Contains("database has been invalidated", StringComparison.Ordinal)
        || engine.Message.StartsWith("Out of Memory Error", StringComparison.Ordinal);

    private void Fail(string message, string? sourcePath = null)
    {
        message = SourceFileException.Printable(message); // DuckDB's messages may quote a file's bytes
        errors.Add(message);
        if (sourcePath is not null) fileProblems.TryAdd(sourcePath, message);
        reporter.Problem(message);
    }

    private RunResult Result(ExitCode exitCode, string status, PublishedSnapshot? published) =>
        new(runId, exitCode, status, files, errors, tests, published) { FileProblems = fileProblems };

    internal static void TryDelete(string directory)
    {
        try { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* removed by the next run */ }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
