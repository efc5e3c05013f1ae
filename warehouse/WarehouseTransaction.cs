using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>
/// A DuckDB transaction whose disposal cannot hide why it failed. When a write fails badly (a full disk) DuckDB
/// invalidates the database, and the rollback that disposing a transaction does then throws "database has been
/// invalidated" — which, thrown from a using block, replaces the exception that said what went wrong.
/// </summary>
public sealed class WarehouseTransaction(DuckDBConnection connection) : IDisposable
{
    private readonly DuckDBTransaction transaction = connection.BeginTransaction();
    private bool finished;

    public void Commit()
    {
        try
        {
            transaction.Commit();
        }
        finally
        {
            // A commit that fails (a full disk writing the log) has ended the transaction: a rollback would only throw
            // "Transaction has already been finished" over the reason.
            finished = true;
        }
    }

    public void Dispose()
    {
        if (finished) return;
        finished = true;
        try
        {
            transaction.Rollback();
        }
        catch (DuckDBException rollback) when (rollback.Message.Contains("database has been invalidated", StringComparison.Ordinal))
        {
            // Nothing to undo in an invalidated database; the exception on its way out already says why.
        }
    }
}
