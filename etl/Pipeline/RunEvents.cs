using Analytics.Etl.Loading;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Pipeline;

/// <summary>The run_finished line of runs.jsonl for a result: what operators see of a run on /data and in etl status.</summary>
public static class RunEvents
{
    public static RunEvent Finished(RunResult result) => new("run_finished", result.RunId, DateTimeOffset.UtcNow,
        Status: result.Status, FilesSeen: result.Files.Count,
        FilesLoaded: result.Files.Count(file => file.Outcome == FileOutcome.Loaded),
        RowsRead: result.RowsRead, RowsLoaded: result.RowsLoaded, RowsRejected: result.RowsRejected,
        DataTestsRun: result.DataTests.Count,
        DataTestsFailed: result.DataTests.Count(test => test.BlocksPublish),
        PublishedSnapshot: result.Published?.Snapshot,
        Message: result.Errors.Count > 0 ? string.Join(" | ", result.Errors) : null,
        Files: result.Files.Select(file => new RunFile(file.SourcePath, file.Outcome.ToString().ToLowerInvariant(),
            file.RowsRead, file.RowsLoaded, file.RowsRejected, file.Note)).ToList());
}
