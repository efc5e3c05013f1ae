using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Queries;

/// <summary>
/// One snapshot held open for as long as the lease is: connections opened through it all read that snapshot, even
/// after a newer one is published and this one's file is pruned. Dispose it to let the snapshot close.
/// </summary>
public sealed class SnapshotLease : IDisposable
{
    private readonly WarehouseReader reader;
    private int released;

    internal SnapshotLease(WarehouseReader reader, PublishedSnapshot snapshot)
    {
        this.reader = reader;
        Snapshot = snapshot;
    }

    public PublishedSnapshot Snapshot { get; }

    /// <summary>A new connection to the leased snapshot, to dispose after the query. Cheap: the database is open already.</summary>
    public DuckDBConnection Open()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref released) != 0, this);
        return DuckDbConnections.OpenReadOnly(Snapshot.Path);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0) reader.Release(Snapshot);
    }
}
