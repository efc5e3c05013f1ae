using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Warehouse;

/// <summary>
/// A run rebuilds every model in its copy of the published snapshot: the old tables' space must be reused, not added
/// to, or each snapshot carries one more dead copy of the models than the last.
/// </summary>
public sealed class SnapshotSizeTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void Runs_that_rebuild_the_models_keep_the_snapshot_close_to_a_compacted_copy()
    {
        var months = PoliceCsv.KentZipStreetFiles().Take(4).ToList();
        Assert.True(warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.Population]).ExitCode == ExitCode.Success);
        foreach (var (name, lines) in months)
        {
            var run = warehouse.Run(PoliceCsv.Write(Path.Combine(warehouse.Inputs, name[..7]), name, [.. lines]));
            Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        }

        var snapshot = new FileInfo(warehouse.Published.Path).Length;
        var ratio = (double)snapshot / CompactedCopy.Write(warehouse.Published.Path, Path.Combine(warehouse.Inputs, "compacted.duckdb"));

        // The 1.2 is for the national benchmark (1.03 in its quick and medium settings). This snapshot is small,
        // and the blocks DuckDB's parallel writers leave part-filled vary from run to run (1.11 to 1.25 in eight runs);
        // what this guards against, a dead copy of every model in each snapshot, was 1.48.
        Assert.True(ratio <= 1.3, $"the snapshot is {ratio:F2} times a compacted copy of itself after {months.Count + 1} runs");
    }
}
