namespace Analytics.Etl.Sources;

/// <summary>A source file that cannot be read at all: the run fails, naming the file and what is wrong.</summary>
public sealed class SourceFileException(string sourcePath, string problem)
    : Exception($"{sourcePath}: {Printable(problem)}")
{
    public string SourcePath { get; } = sourcePath;
    public string Problem { get; } = Printable(problem);

    /// <summary>Control characters from a file's bytes (NULs of a UTF-16 file, say) never reach a message or a log.</summary>
    internal static string Printable(string text) =>
        text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? '?' : c)) : text;
}
