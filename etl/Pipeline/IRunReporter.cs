using Analytics.Etl.Loading;
using Analytics.Warehouse;

namespace Analytics.Etl.Pipeline;

/// <summary>Where a run says what it is doing: a progress display on a terminal, log lines elsewhere.</summary>
public interface IRunReporter
{
    void RunStarted(string runId, string trigger) { }
    void RunFinished(RunResult result) { }
    void Progress(string message);
    void FilesFound(int count);
    void FileStarted(string sourcePath);
    void FileDone(LoadedFile file);
    /// <summary>How far loading has come, after each file: per file and overall, with the time left.</summary>
    void Loading(LoadProgress progress) { }
    /// <summary>A model built or a data test run: how far a build or a check has come, and where its time goes.</summary>
    void StepDone(StepProgress progress) { }
    void Problem(string message);
}

public sealed class SilentReporter : IRunReporter
{
    public void Progress(string message) { }
    public void FilesFound(int count) { }
    public void FileStarted(string sourcePath) { }
    public void FileDone(LoadedFile file) { }
    public void Problem(string message) { }
}
