using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Warehouse;
using Microsoft.Extensions.Logging;

namespace Analytics.Etl.Logging;

/// <summary>
/// A run's events as structured log entries: each has an event name and its values as fields, and everything
/// between a run's start and finish carries RunId and Trigger in its scope, so a log collector can follow a run.
/// </summary>
public sealed partial class LoggingReporter(ILogger logger) : IRunReporter
{
    private IDisposable? runScope;

    public void RunStarted(string runId, string trigger)
    {
        runScope?.Dispose();
        runScope = RunScope(logger, runId, trigger);
        LogRunStarted(logger, runId, trigger);
    }

    public void RunFinished(RunResult result)
    {
        var level = result.ExitCode is ExitCode.Success ? LogLevel.Information : LogLevel.Error;
        var testsFailed = result.DataTests.Count(test => test.BlocksPublish);
        var error = result.Errors.Count > 0 ? string.Join(" | ", result.Errors) : null;
        var (rowsRead, rowsLoaded, rowsRejected) = (result.RowsRead, result.RowsLoaded, result.RowsRejected);
        LogRunFinished(logger, level, result.RunId, result.Status, (int)result.ExitCode, result.Files.Count, rowsRead,
            rowsLoaded, rowsRejected, result.DataTests.Count, testsFailed, result.Published?.Snapshot, error);
        runScope?.Dispose();
        runScope = null;
    }

    public void Progress(string message) => LogProgress(logger, message);
    public void FilesFound(int count) => LogFilesFound(logger, count);
    public void FileStarted(string sourcePath) { }
    public void FileDone(LoadedFile file)
    {
        var outcome = file.Outcome.ToString().ToLowerInvariant();
        LogFileDone(logger, file.SourcePath, file.Kind, outcome, file.RowsRead, file.RowsLoaded, file.RowsRejected, file.Note);
    }
    public void Loading(LoadProgress progress) =>
        LogLoading(logger, progress.File, progress.FileRows, progress.FileRowsPerSecond, progress.FilesDone, progress.FilesTotal,
            progress.BytesDone, progress.BytesTotal, progress.RowsDone, progress.RowsPerSecond, progress.SecondsLeft);
    public void StepDone(StepProgress progress) =>
        LogStepDone(logger, progress.IsSlow ? LogLevel.Information : LogLevel.Debug, progress.Kind,
            progress.Name, progress.Done, progress.Total, progress.Seconds);
    public void Problem(string message) => LogProblem(logger, message);

    private static readonly Func<ILogger, string, string, IDisposable?> RunScope = LoggerMessage.DefineScope<string, string>("run {RunId} ({Trigger})");

    [LoggerMessage(EventId = 100, EventName = "run_started", Level = LogLevel.Information, Message = "run {RunId} started ({Trigger})")]
    private static partial void LogRunStarted(ILogger logger, string runId, string trigger);

    [LoggerMessage(EventId = 101, EventName = "progress", Level = LogLevel.Information, Message = "{Step}")]
    private static partial void LogProgress(ILogger logger, string step);

    [LoggerMessage(EventId = 102, EventName = "files_found", Level = LogLevel.Information, Message = "{FileCount} files found")]
    private static partial void LogFilesFound(ILogger logger, int fileCount);

    [LoggerMessage(EventId = 103, EventName = "file_done", Level = LogLevel.Information,
        Message = "{SourcePath}: {Outcome} ({Kind}), {RowsRead} rows read, {RowsLoaded} loaded, {RowsRejected} rejected; {Note}")]
    private static partial void LogFileDone(ILogger logger, string sourcePath, string kind, string outcome, long rowsRead, long rowsLoaded, long rowsRejected, string? note);

    [LoggerMessage(EventId = 106, EventName = "loading", Level = LogLevel.Information,
        Message = "loading: {File} ({FileRows} rows, {FileRowsPerSecond:F0} rows/s); {FilesDone} of {FilesTotal} files, {BytesDone} of {BytesTotal} bytes, {RowsDone} rows, {RowsPerSecond:F0} rows/s, {SecondsLeft:F0} s left")]
    private static partial void LogLoading(ILogger logger, string file, long fileRows, double fileRowsPerSecond, int filesDone, int filesTotal,
        long bytesDone, long bytesTotal, long rowsDone, double rowsPerSecond, double? secondsLeft);

    [LoggerMessage(EventId = 107, EventName = "step_done",
        Message = "{StepKind} {StepName}: {StepSeconds:F1} s ({StepsDone} of {StepsTotal})")]
    private static partial void LogStepDone(ILogger logger, LogLevel level, StepKind stepKind, string stepName, int stepsDone, int stepsTotal, double stepSeconds);

    [LoggerMessage(EventId = 104, EventName = "problem", Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 105, EventName = "run_finished",
        Message = "run {RunId} {Status} (exit {ExitCode}): {FileCount} files, {RowsRead} rows read, {RowsLoaded} loaded, {RowsRejected} rejected, {DataTestsRun} data tests ({DataTestsFailed} failed), snapshot {Snapshot}; {Error}")]
    private static partial void LogRunFinished(ILogger logger, LogLevel level, string runId, string status, int exitCode, int fileCount,
        long rowsRead, long rowsLoaded, long rowsRejected, int dataTestsRun, int dataTestsFailed, string? snapshot, string? error);
}
