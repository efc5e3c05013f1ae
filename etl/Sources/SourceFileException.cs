namespace Analytics.Etl.Sources;

/// <summary>A source file that cannot be read at all: the run fails, naming the file and what is wrong.</summary>
public sealed class SourceFileException(string sourcePath, string problem)
    : Exception($"{sourcePath}: {problem}")
{
    public string SourcePath { get; } = sourcePath;
    public string Problem { get; } = problem;
}
