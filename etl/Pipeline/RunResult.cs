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
}
