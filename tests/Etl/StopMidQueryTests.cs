using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Tests.Etl;

/// <summary>A stop (Ctrl+C, SIGTERM, the scheduler's) reaches the query DuckDB is running, not just the next step.</summary>
public sealed class StopMidQueryTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    [Fact]
    public void A_stop_interrupts_the_query_DuckDB_is_running_and_the_next_one()
    {
        using var connection = DuckDbConnections.OpenReadWrite(Path.Combine(warehouse.Root, "interrupt.duckdb"));
        using var stop = new CancellationTokenSource();
        using var interrupter = new QueryInterrupter(connection, stop.Token);
        stop.Cancel(); // before the query starts: DuckDB forgets an interrupt at a query's start, so it must come again

        // Hours of work if nothing stops it.
        const string endless = "SELECT count(*) FROM range(1000000000000) AS t(i) WHERE hash(i) % 7 = 3";
        AssertInterrupted(Record.Exception(() => connection.ExecuteScalar<long>(endless)));
        AssertInterrupted(Record.Exception(() => connection.ExecuteScalar<long>(endless)));
    }

    /// <summary>DuckDB.NET reports an interrupted query as a cancellation, or as DuckDB's own "Interrupted!".</summary>
    private static void AssertInterrupted(Exception? thrown) =>
        Assert.True(thrown is OperationCanceledException || thrown is DuckDBException { Message: var message } && message.Contains("Interrupted", StringComparison.OrdinalIgnoreCase),
            $"expected the query to be interrupted, got {thrown?.GetType().Name ?? "no exception"}: {thrown?.Message}");

    [Fact]
    public void Once_disposed_it_interrupts_nothing()
    {
        using var connection = DuckDbConnections.OpenReadWrite(Path.Combine(warehouse.Root, "interrupt.duckdb"));
        using var stop = new CancellationTokenSource();
        new QueryInterrupter(connection, stop.Token).Dispose();
        stop.Cancel();

        Assert.Equal(1_000_000L, connection.ExecuteScalar<long>("SELECT count(*) FROM range(1000000)"));
    }

    [Fact]
    public void A_run_stopped_while_DuckDB_builds_the_models_stops_and_publishes_nothing()
    {
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"));
        using var stop = new CancellationTokenSource();
        var reporter = new StopWhen(message => message.StartsWith("building", StringComparison.Ordinal), stop);

        var run = EtlPipeline.Run(new RunOptions([RepositoryPaths.KentGeography[0], file], warehouse.Root)
        {
            Today = new DateOnly(2026, 11, 25), Cancellation = stop.Token,
        }, reporter);

        Assert.True(reporter.Stopped, "the stop came while the models were being built");
        Assert.Equal(ExitCode.Stopped, run.ExitCode);
        Assert.Null(warehouse.Directory.ReadPublished());
    }

    private sealed class StopWhen(Func<string, bool> when, CancellationTokenSource stop) : IRunReporter
    {
        public bool Stopped { get; private set; }

        public void Progress(string message)
        {
            if (!when(message)) return;
            stop.Cancel();
            Stopped = true;
        }

        public void FilesFound(int count) { }
        public void FileStarted(string sourcePath) { }
        public void FileDone(LoadedFile file) { }
        public void Problem(string message) { }
    }

    public void Dispose() => warehouse.Dispose();
}
