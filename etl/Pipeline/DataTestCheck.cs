using Analytics.Warehouse;
using Analytics.Warehouse.Schema;
using Analytics.Warehouse.Storage;
using Analytics.Warehouse.Testing;
using DuckDB.NET.Data;

namespace Analytics.Etl.Pipeline;

/// <summary>
/// The nightly check: every data test run again on the published snapshot, read-only, and recorded in the run
/// journal like a run, so a failure shows on the dashboard and in etl status. Holds the lock so it never reports
/// on a snapshot a run is replacing.
/// </summary>
public static class DataTestCheck
{
    public static RunResult Run(string warehouseDirectory, string trigger, IRunReporter reporter)
    {
        var warehouse = new WarehouseDirectory(warehouseDirectory);
        if (EtlPipeline.Lock(warehouse, reporter, out var runLock) is { } refused) return refused;
        using var held = runLock;
        if (EtlPipeline.Damaged(warehouse, reporter, trigger) is { } damaged) return damaged;
        var runId = EtlPipeline.NewRunId();
        if (warehouse.ReadPublished() is not { } published)
        {
            reporter.Progress("nothing has been published yet; nothing to check");
            return new RunResult(runId, ExitCode.Success, RunStatus.NothingToDo, [], [], [], null);
        }

        var journal = new RunJournal(warehouse);
        journal.Append(new RunEvent("run_started", runId, DateTimeOffset.UtcNow, Trigger: trigger));
        reporter.RunStarted(runId, trigger);
        RunResult result;
        try
        {
            using var connection = DuckDbConnections.OpenReadOnly(published.Path);
            result = ModelBuilder.BuiltByThisCode(connection)
                ? Test(connection, runId, published, reporter)
                // This code's tests are written for this code's models: on a snapshot another version built (before an
                // upgrade's first run) they would stop on a column or macro it lacks, or test a rule it does not follow.
                : new RunResult(runId, ExitCode.Unexpected, RunStatus.Failed, [],
                    [$"the published snapshot {published.Snapshot} was built by another version of the code or of DuckDB, so this version's data tests do not apply to it; the next run builds its models anew (even with nothing new to load), then check again"], [], published);
        }
        catch (Exception stopped) when (stopped is DuckDBException or IOException)
        {
            result = new RunResult(runId, ExitCode.Unexpected, RunStatus.Failed, [], [$"the check stopped: {stopped.Message.Split('\n')[0]}"], [], published);
        }
        if (result.Status == RunStatus.Failed) reporter.Problem(result.Errors[0]);
        journal.Append(RunEvents.Finished(result) with { PublishedSnapshot = null });
        reporter.RunFinished(result);
        return result;
    }

    private static RunResult Test(DuckDBConnection connection, string runId, PublishedSnapshot published, IRunReporter reporter)
    {
        reporter.Progress($"running {DataTestCatalog.All.Count} data tests on {Path.GetFileName(published.Path)}");
        var tests = DataTestRunner.RunAll(connection, onTestRun: reporter.StepDone);
        foreach (var failure in tests.Where(test => !test.Passed))
            reporter.Problem(failure.Describe());
        var failed = tests.Count(test => test.BlocksPublish);
        return failed == 0
            ? new RunResult(runId, ExitCode.Success, RunStatus.Checked, [], [], tests, published)
            : new RunResult(runId, ExitCode.DataTestsFailed, "data tests failed", [], [$"{failed} data tests failed on the published snapshot {published.Snapshot}"], tests, published);
    }
}
