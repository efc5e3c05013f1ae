using DuckDB.NET.Data;

namespace Analytics.Etl.Pipeline;

/// <summary>
/// Carries a stop (Ctrl+C, SIGTERM, the scheduler's stop) into the query DuckDB is running, so a run stops within
/// seconds even mid-read or mid-model. DuckDB forgets an interrupt when its next query starts, so once stopped this
/// interrupts again every quarter second until disposed, catching whichever query comes next too.
/// </summary>
public sealed class QueryInterrupter : IDisposable
{
    private static readonly TimeSpan Repeat = TimeSpan.FromMilliseconds(250);
    private readonly DuckDBConnection connection;
    private readonly CancellationTokenRegistration registration;
    private readonly Lock gate = new();
    private Timer? timer;
    private bool disposed;

    public QueryInterrupter(DuckDBConnection connection, CancellationToken stop)
    {
        this.connection = connection;
        registration = stop.Register(() =>
        {
            lock (gate)
                if (!disposed) timer = new Timer(_ => Interrupt(), null, TimeSpan.Zero, Repeat);
        });
    }

    private void Interrupt()
    {
        lock (gate)
        {
            if (disposed) return;
            using var command = connection.CreateCommand();
            command.Cancel(); // DuckDB.NET: duckdb_interrupt on the command's connection
        }
    }

    public void Dispose()
    {
        registration.Dispose();
        lock (gate)
        {
            disposed = true;
            timer?.Dispose();
        }
    }
}
