using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Queries;

/// <summary>Opens the published snapshot of a warehouse folder read-only, for the dashboard and notebooks.</summary>
public sealed class WarehouseReader(WarehouseDirectory warehouse)
{
    public WarehouseDirectory Warehouse { get; } = warehouse;

    /// <exception cref="WarehouseNotPublishedException">when no ETL run has published a snapshot yet.</exception>
    public DuckDBConnection Open()
    {
        var published = Warehouse.ReadPublished() ?? throw new WarehouseNotPublishedException(Warehouse.Root);
        return DuckDbConnections.OpenReadOnly(published.Path);
    }
}

public sealed class WarehouseNotPublishedException(string root)
    : Exception($"No snapshot has been published in {root}; load data with: dotnet run --project etl -- run --source data/sample --warehouse {root}");
