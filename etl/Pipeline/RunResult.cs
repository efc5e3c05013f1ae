using Analytics.Etl.Loading;
using Analytics.Warehouse.Storage;
using Analytics.Warehouse.Testing;

namespace Analytics.Etl.Pipeline;

public sealed record RunResult(
    string RunId, ExitCode ExitCode, string Status, IReadOnlyList<LoadedFile> Files, IReadOnlyList<string> Errors,
    IReadOnlyList<DataTestResult> DataTests, PublishedSnapshot? Published)
{
    public long RowsRead => Files.Sum(file => file.RowsRead);
    public long RowsLoaded => Files.Sum(file => file.RowsLoaded);
    public long RowsRejected => Files.Sum(file => file.RowsRejected);

    /// <summary>Problems that belong to one source file, by the path the run showed it under.</summary>
    public IReadOnlyDictionary<string, string> FileProblems { get; init; } = new Dictionary<string, string>();

    /// <summary>Earlier runs of the same command, e.g. the inbox run that rejected a file before this one loaded the rest.</summary>
    public IReadOnlyList<RunResult> EarlierRuns { get; init; } = [];
}
