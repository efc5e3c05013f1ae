using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Queries;

/// <summary>
/// Opens the published snapshot of a warehouse folder read-only, for the dashboard and notebooks. Make one per
/// warehouse folder and keep it: it holds each snapshot in use open (an "anchor" connection), because opening a
/// file costs about 20 ms and a connection to an open one almost nothing.
/// <para>
/// <see cref="Open"/> reads the pointer every time, so two queries may read two snapshots if a publish comes
/// between them. <see cref="Lease"/> holds one snapshot for as long as the lease is kept; the dashboard takes one
/// per request (<see cref="PinnedSnapshotReader"/>). A snapshot stays open while it is the latest published or
/// leased, and is closed when neither is true any more, so that DuckDB lets go of a pruned file.
/// </para>
/// </summary>
public sealed class WarehouseReader(WarehouseDirectory warehouse) : IWarehouseReader, IDisposable
{
    // The pointer can name a file that a publish prunes before we open it; by then the pointer has moved on.
    private const int AttemptsWhenPruned = 3;

    private readonly Lock gate = new();
    private readonly Dictionary<string, SnapshotAnchor> open = new(StringComparer.Ordinal);
    private string? latestPath;
    private bool disposed;

    public WarehouseDirectory Warehouse { get; } = warehouse;

    /// <summary>A connection to the snapshot published now, for one query.</summary>
    /// <exception cref="WarehouseNotPublishedException">when no ETL run has published a snapshot yet.</exception>
    public DuckDBConnection Open()
    {
        using var lease = Lease();
        return lease.Open(); // the connection keeps its database open after the lease is released
    }

    /// <summary>Holds the snapshot published now open until the lease is disposed.</summary>
    /// <exception cref="WarehouseNotPublishedException">when no ETL run has published a snapshot yet.</exception>
    /// <exception cref="WarehouseUnreadableException">when the published snapshot is lost or its pointer unreadable.</exception>
    public SnapshotLease Lease()
    {
        // The pointer is read under the lock, so the order of reads is the order of publishes and the latest
        // snapshot this reader has seen never goes back to an older one.
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            for (var attempt = 1; ; attempt++)
            {
                var published = ReadPointer();
                try
                {
                    var anchor = Anchor(published);
                    anchor.Leases++;
                    return new SnapshotLease(this, anchor.Snapshot);
                }
                catch (DuckDBException) when (attempt < AttemptsWhenPruned && !File.Exists(published.Path))
                {
                    // Pruned after we read the pointer: read it again.
                }
                catch (DuckDBException lost) when (!File.Exists(published.Path))
                {
                    throw new WarehouseUnreadableException(SnapshotHealth.PublicProblem(Warehouse) ?? $"the published snapshot {published.Snapshot} is missing", lost);
                }
            }
        }
    }

    private PublishedSnapshot ReadPointer()
    {
        try
        {
            return Warehouse.ReadPublished() ?? throw new WarehouseNotPublishedException(Warehouse.Root);
        }
        catch (Exception unreadable) when (unreadable is System.Text.Json.JsonException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new WarehouseUnreadableException(SnapshotHealth.PublicProblem(Warehouse) ?? "the file that names the published snapshot cannot be read", unreadable);
        }
    }

    internal void Release(PublishedSnapshot snapshot)
    {
        lock (gate)
        {
            if (!open.TryGetValue(snapshot.Path, out var anchor)) return; // closed by Dispose
            anchor.Leases--;
            if (anchor.Leases == 0 && snapshot.Path != latestPath) Close(anchor);
        }
    }

    private SnapshotAnchor Anchor(PublishedSnapshot published)
    {
        if (!open.TryGetValue(published.Path, out var anchor))
        {
            anchor = new SnapshotAnchor(published, DuckDbConnections.OpenReadOnly(published.Path));
            open.Add(published.Path, anchor);
        }
        if (latestPath != published.Path)
        {
            latestPath = published.Path;
            foreach (var idle in open.Values.Where(other => other.Leases == 0 && other != anchor).ToList()) Close(idle);
        }
        return anchor;
    }

    private void Close(SnapshotAnchor anchor)
    {
        open.Remove(anchor.Snapshot.Path);
        anchor.Connection.Dispose(); // DuckDB closes the file when its last connection closes
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            foreach (var anchor in open.Values.ToList()) Close(anchor);
            latestPath = null;
        }
    }

    private sealed class SnapshotAnchor(PublishedSnapshot snapshot, DuckDBConnection connection)
    {
        public PublishedSnapshot Snapshot { get; } = snapshot;
        public DuckDBConnection Connection { get; } = connection;
        public int Leases { get; set; }
    }
}

/// <summary>The published snapshot is lost or its pointer cannot be read: the message says which, in words without
/// server paths, for pages and the health check; <see cref="SnapshotHealth.PublicRecovery"/> says what to do.</summary>
public sealed class WarehouseUnreadableException(string problem, Exception cause) : Exception(problem, cause);

public sealed class WarehouseNotPublishedException(string root)
    : Exception($"No snapshot has been published in {root}; load data with: dotnet run --project etl -- run --source data/sample --warehouse {root}");
