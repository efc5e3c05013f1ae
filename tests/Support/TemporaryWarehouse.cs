using Analytics.Etl.Pipeline;
using Analytics.Warehouse;
using Analytics.Warehouse.Storage;
using Dapper;

namespace Analytics.Tests.Support;

/// <summary>A warehouse folder of its own for one test, loaded by the real ETL and read with the real engine.</summary>
public sealed class TemporaryWarehouse : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));
    public WarehouseDirectory Directory => new(Root);

    public TemporaryWarehouse() => System.IO.Directory.CreateDirectory(Root);

    /// <summary>A scratch folder for input files a test writes.</summary>
    public string Inputs => System.IO.Directory.CreateDirectory(Path.Combine(Root, "..", Path.GetFileName(Root) + "-inputs")).FullName;

    public RunResult Run(params string[] sources) => Run(options => options, sources);

    public RunResult Run(Func<RunOptions, RunOptions> configure, params string[] sources) => Run(new SilentReporter(), configure, sources);

    public RunResult Run(IRunReporter reporter, Func<RunOptions, RunOptions> configure, params string[] sources) =>
        EtlPipeline.Run(configure(new RunOptions(sources, Root) { Today = new DateOnly(2026, 11, 25) }), reporter);

    /// <summary>What went wrong with a run, for assertion messages: its errors and failing data tests.</summary>
    public static string Explain(RunResult run) => string.Join("; ", run.Errors.Concat(run.DataTests.Where(test => !test.Passed)
        .Select(test => $"{test.Test.Model} {test.Test.Name}: {test.FailingRows} rows, e.g. {test.Example}")));

    public PublishedSnapshot Published => Directory.ReadPublished() ?? throw new InvalidOperationException("nothing published");

    public List<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = DuckDbConnections.OpenReadOnly(Published.Path);
        return connection.Query<T>(sql, parameters).ToList();
    }

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = DuckDbConnections.OpenReadOnly(Published.Path);
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public void Dispose()
    {
        foreach (var path in new[] { Root, Root + "-inputs" })
        {
            if (!System.IO.Directory.Exists(path)) continue;
            foreach (var file in System.IO.Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                File.SetAttributes(file, FileAttributes.Normal);
            System.IO.Directory.Delete(path, recursive: true);
        }
    }
}
