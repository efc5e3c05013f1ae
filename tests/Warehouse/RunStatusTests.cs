using System.Reflection;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Warehouse;

/// <summary>Every word a run ends with comes from the one vocabulary, wherever it is written down.</summary>
public sealed class RunStatusTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    private static readonly string[] Vocabulary = typeof(RunStatus).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral).Select(field => (string)field.GetRawConstantValue()!).ToArray();

    [Fact]
    public void Runs_that_publish_fail_or_change_nothing_end_with_words_of_the_vocabulary()
    {
        var month = PoliceCsv.Write(warehouse.Inputs, "2025-05-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", month: "2025-05"));
        var runs = new[]
        {
            warehouse.Run([.. RepositoryPaths.KentGeography, month]),
            warehouse.Run([.. RepositoryPaths.KentGeography, month]),
            warehouse.Run(Path.Combine(warehouse.Inputs, "no-such-folder")),
        };

        Assert.Equal([RunStatus.Published, RunStatus.Unchanged, RunStatus.Failed], runs.Select(run => run.Status));
        var journal = new RunJournal(warehouse.Directory).Recent(10);
        Assert.All(journal, run => Assert.Contains(run.Status, Vocabulary));
        Assert.Equal([true, false, false], journal.OrderByDescending(run => run.StartedAt).Select(run => run.Failed).Take(3));
        Assert.All(warehouse.Query<string>("SELECT status FROM meta.load_runs"), status => Assert.Contains(status, Vocabulary));
    }
}
