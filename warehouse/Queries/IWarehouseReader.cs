using DuckDB.NET.Data;

namespace Analytics.Warehouse.Queries;

/// <summary>
/// Where the query classes get their read-only connections. <see cref="WarehouseReader"/> gives each query the
/// snapshot published at that moment; <see cref="PinnedSnapshotReader"/> gives every query the snapshot its first
/// query found, so that figures read together come from one snapshot.
/// </summary>
public interface IWarehouseReader
{
    /// <exception cref="WarehouseNotPublishedException">when no ETL run has published a snapshot yet.</exception>
    DuckDBConnection Open();
}
