using Analytics.Etl.Inbox;
using Analytics.Etl.Sources;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Pipeline;

/// <summary>
/// The entry point for one ETL run: takes the warehouse lock, tidies what killed runs left, runs, records the
/// outcome in runs.jsonl and, for an inbox, files each file it took. Whatever fails or is killed on the way, the
/// published snapshot is never touched (see <see cref="EtlRun"/>).
/// </summary>
public static class EtlPipeline
{
    public static RunResult Run(RunOptions options, IRunReporter reporter)
    {
        var warehouse = new WarehouseDirectory(options.WarehouseDirectory);
        if (Lock(warehouse, reporter, out var runLock) is { } refused) return refused;
        using var held = runLock;
        if (Damaged(warehouse, reporter, options.Trigger) is { } damaged) return damaged;
        RemoveWhatKilledRunsLeft(warehouse, reporter);

        var sources = options.Sources.Select(SourceInput.Given).ToList();
        if (options.Inbox is null) return RunOnce(options, reporter, warehouse, sources);
        return RunWithInbox(options, reporter, warehouse, sources, new InboxFolder(options.Inbox));
    }

    /// <summary>
    /// Takes the warehouse lock for a run or check, or says why not: busy (exit 4) only when another run holds it;
    /// a folder that cannot be written (read-only, permissions) is exit 5 with its cause, as retrying will not help.
    /// </summary>
    internal static RunResult? Lock(WarehouseDirectory warehouse, IRunReporter reporter, out WarehouseLock? runLock)
    {
        runLock = null;
        string problem;
        ExitCode exitCode;
        try
        {
            runLock = WarehouseLock.TryAcquire(warehouse);
            if (runLock is not null) return null;
            (problem, exitCode) = ($"another ETL run is in progress on {warehouse.Root}", ExitCode.Busy);
        }
        catch (WarehouseUnavailableException unavailable)
        {
            (problem, exitCode) = (unavailable.Message, ExitCode.Unexpected);
        }
        reporter.Problem(problem);
        return new RunResult(NewRunId(), exitCode, exitCode == ExitCode.Busy ? RunStatus.Busy : RunStatus.Failed, [], [problem], [], null);
    }

    /// <summary>
    /// A run or check on a warehouse whose published.json is unreadable or names a missing snapshot stops before it
    /// touches anything (tidying up would take every snapshot for an orphan), is recorded, and says how to recover.
    /// </summary>
    internal static RunResult? Damaged(WarehouseDirectory warehouse, IRunReporter reporter, string trigger)
    {
        if (SnapshotHealth.Problem(warehouse) is not { } problem) return null;
        var runId = NewRunId();
        var message = $"the published snapshot cannot be used: {problem}; nothing was loaded; {SnapshotHealth.Recovery(warehouse)}";
        var journal = new RunJournal(warehouse);
        journal.Append(new RunEvent("run_started", runId, DateTimeOffset.UtcNow, Trigger: trigger));
        reporter.RunStarted(runId, trigger);
        reporter.Problem(message);
        var result = new RunResult(runId, ExitCode.Unexpected, RunStatus.Failed, [], [message], [], null);
        journal.Append(RunEvents.Finished(result));
        reporter.RunFinished(result);
        return result;
    }

    public static string NewRunId() => $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Takes the inbox's settled files, runs, and files each one whose outcome is known. When the run failed only
    /// because some files could not be read, those go to rejected/ and the rest are run again at once, so one bad
    /// file does not hold back the others.
    /// </summary>
    private static RunResult RunWithInbox(RunOptions options, IRunReporter reporter, WarehouseDirectory warehouse, List<SourceInput> sources, InboxFolder inbox)
    {
        var copies = Path.Combine(warehouse.WorkDirectory, "inbox-" + NewRunId());
        try
        {
            if (options.FetchIntoInbox is { } fetch) fetch(reporter, options.Cancellation).GetAwaiter().GetResult();
            var waiting = inbox.TakeSettled(copies, DateTime.UtcNow, reporter).ToList();
            if (waiting.Count == 0 && sources.Count == 0)
                return new RunResult(NewRunId(), ExitCode.Success, RunStatus.NothingToDo, [], [], [], warehouse.ReadPublished());
            var earlier = new List<RunResult>();
            while (true)
            {
                var inputs = sources.Concat(waiting.Select(file => new SourceInput(file.CopyPath, file.RelativePath))).ToList();
                var result = RunOnce(options, reporter, warehouse, inputs);
                var filed = FileAway(inbox, waiting, result, reporter);
                waiting.RemoveAll(filed.Contains);
                var onlyBadFiles = result.ExitCode == ExitCode.SourceUnreadable && filed.Count > 0 && result.Errors.Count == result.FileProblems.Count;
                if (!onlyBadFiles || waiting.Count == 0) return result with { EarlierRuns = earlier };
                reporter.Progress($"{filed.Count} unreadable files moved to rejected/; running again with the other {waiting.Count}");
                earlier.Add(result);
            }
        }
        finally
        {
            EtlRun.TryDelete(copies);
        }
    }

    private static List<InboxFile> FileAway(InboxFolder inbox, List<InboxFile> taken, RunResult result, IRunReporter reporter)
    {
        var filed = new List<InboxFile>();
        foreach (var file in taken)
        {
            if (InboxJudge.Judge(file, result) is not { } verdict) continue;
            if (inbox.MoveOut(file, verdict, result.RunId) is not { } movedTo)
            {
                reporter.Progress($"{file.OriginalPath}: replaced while the run read it; the new version waits for the next run");
                continue;
            }
            filed.Add(file);
            if (verdict.Accepted) reporter.Progress($"{file.OriginalPath}: moved to {movedTo}");
            else reporter.Problem($"{file.OriginalPath}: rejected, moved to {movedTo} (reason beside it in {Path.GetFileName(movedTo)}.txt)");
        }
        return filed;
    }

    private static RunResult RunOnce(RunOptions options, IRunReporter reporter, WarehouseDirectory warehouse, IReadOnlyList<SourceInput> inputs)
    {
        var runId = NewRunId();
        var journal = new RunJournal(warehouse);
        journal.Append(new RunEvent("run_started", runId, DateTimeOffset.UtcNow, Trigger: options.Trigger));
        reporter.RunStarted(runId, options.Trigger);
        var result = new EtlRun(options, reporter, warehouse, runId, inputs).Execute();
        journal.Append(RunEvents.Finished(result));
        reporter.RunFinished(result);
        return result;
    }

    /// <summary>Work folders and unpublished snapshot files of killed runs; safe to remove because this run holds the lock.</summary>
    private static void RemoveWhatKilledRunsLeft(WarehouseDirectory warehouse, IRunReporter reporter)
    {
        if (Directory.Exists(warehouse.WorkDirectory))
            foreach (var stale in Directory.GetDirectories(warehouse.WorkDirectory)) EtlRun.TryDelete(stale);
        foreach (var run in new RunJournal(warehouse).CloseUnfinished())
            reporter.Problem($"run {run.RunId} (started {run.StartedAt:yyyy-MM-dd HH:mm} UTC) never finished; recorded as interrupted");
        foreach (var orphan in SnapshotPublisher.RemoveUnpublished(warehouse))
            reporter.Progress($"removed {Path.GetFileName(orphan)}, left unpublished by a run that was stopped while publishing");
    }
}
