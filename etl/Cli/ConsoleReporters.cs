using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Warehouse;
using Spectre.Console;

namespace Analytics.Etl.Cli;

/// <summary>One plain line per event, for logs and schedulers: time, run and what happened.</summary>
public sealed class LogLineReporter(TextWriter output) : IRunReporter
{
    public void Progress(string message) => Write("info", message);
    public void FilesFound(int count) => Write("info", $"{count} files found");
    public void FileStarted(string sourcePath) { } // one line per file, when it is done
    public void FileDone(LoadedFile file) => Write("info", Describe(file));
    public void Loading(LoadProgress progress) => Write("info", "loading: " + progress.Describe());
    public void StepDone(StepProgress progress) { if (progress.IsSlow) Write("info", progress.Describe()); } // the slow ones: a line each of hundreds would drown the rest
    public void Problem(string message) => Write("error", message);

    internal static string Describe(LoadedFile file) => file.Outcome switch
    {
        FileOutcome.Loaded => $"{file.SourcePath}: {file.Kind}, {file.RowsRead:N0} rows read, {file.RowsLoaded:N0} loaded, {file.RowsRejected:N0} rejected{(file.Note is null ? "" : "; " + file.Note)}",
        FileOutcome.Unchanged => $"{file.SourcePath}: unchanged ({file.Note})",
        _ => $"{file.SourcePath}: passed over ({file.Note})",
    };

    private void Write(string level, string message) =>
        output.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'} {level} {message}");
}

/// <summary>A progress bar over the files, for a person at a terminal.</summary>
public sealed class ProgressReporter(ProgressTask task) : IRunReporter
{
    public void Progress(string message) => task.Description = Markup.Escape(message);
    public void FilesFound(int count) => task.MaxValue = Math.Max(1, count);
    public void FileStarted(string sourcePath) => task.Description = Markup.Escape("loading " + Path.GetFileName(sourcePath));
    public void FileDone(LoadedFile file)
    {
        task.Increment(1);
        AnsiConsole.MarkupLine(Markup.Escape(LogLineReporter.Describe(file)));
    }
    public void Loading(LoadProgress progress) => task.Description = Markup.Escape(progress.Describe());
    public void StepDone(StepProgress progress)
    {
        task.Description = Markup.Escape(progress.Describe());
        if (progress.IsSlow) AnsiConsole.MarkupLine(Markup.Escape(progress.Describe()));
    }
    public void Problem(string message) => AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
}
