using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Queries;

/// <summary>
/// Reads one snapshot throughout: the one published when its first query runs. The dashboard makes one per HTTP
/// request, so that a publish in the middle of a request never mixes two snapshots on one page; disposing it at
/// the end of the request releases the snapshot.
/// </summary>
public sealed class PinnedSnapshotReader(WarehouseReader reader) : IWarehouseReader, IDisposable
{
    private readonly Lock gate = new();
    private SnapshotLease? lease;
    private bool disposed;

    /// <summary>The snapshot this reader's queries read, or null before its first query.</summary>
    public PublishedSnapshot? Snapshot
    {
        get { lock (gate) return lease?.Snapshot; }
    }

    /// <summary>Takes the snapshot published now for the rest of the request, without a query; the snapshot.</summary>
    /// <exception cref="WarehouseNotPublishedException">when no ETL run has published a snapshot yet.</exception>
    /// <exception cref="WarehouseUnreadableException">when the published snapshot is lost or its pointer unreadable.</exception>
    public PublishedSnapshot Pin()
    {
        lock (gate) return Held().Snapshot;
    }

    public DuckDBConnection Open()
    {
        lock (gate) return Held().Open();
    }

    /// <summary>The request's lease, taken on first use; call under the gate.</summary>
    private SnapshotLease Held()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return lease ??= reader.Lease();
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            lease?.Dispose();
            lease = null;
        }
    }
}
