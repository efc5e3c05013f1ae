using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Warehouse;

namespace Analytics.Tests.Support;

/// <summary>A run's reporter that keeps what it was told: its progress messages, each file's load progress and each model or data test done.</summary>
public sealed class RecordingReporter : IRunReporter
{
    public List<string> Messages { get; } = [];
    public List<LoadProgress> Loads { get; } = [];
    public List<StepProgress> Steps { get; } = [];

    public void Progress(string message) => Messages.Add(message);
    public void Loading(LoadProgress progress) => Loads.Add(progress);
    public void StepDone(StepProgress progress) => Steps.Add(progress);
    public void FilesFound(int count) { }
    public void FileStarted(string sourcePath) { }
    public void FileDone(LoadedFile file) { }
    public void Problem(string message) { }
}
