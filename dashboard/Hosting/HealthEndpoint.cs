using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;
using Dapper;

namespace Analytics.Dashboard.Hosting;

/// <summary>/healthz: whether the published warehouse can be read, and which snapshot is in use.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) => app.MapGet("/healthz", (WarehouseDirectory warehouse, PinnedSnapshotReader reader) =>
    {
        try
        {
            // Through the request's reader, as pages read: the snapshot reported is the one that was queried.
            long months;
            using (var connection = reader.Open())
                months = connection.ExecuteScalar<long>("SELECT count(DISTINCT month) FROM marts.crime_by_district_month");
            var published = reader.Snapshot!;
            return Results.Json(new
            {
                status = "healthy", snapshot = published.Snapshot, run_id = published.RunId, published_at = published.PublishedAt,
                schema_version = published.SchemaVersion, months_of_crime_data = months,
            });
        }
        catch (WarehouseNotPublishedException)
        {
            return Results.Json(new { status = "unhealthy", reason = "no snapshot has been published", warehouse = warehouse.Root }, statusCode: 503);
        }
        catch (Exception problem) when (problem is DuckDB.NET.Data.DuckDBException or IOException)
        {
            return Results.Json(new { status = "unhealthy", reason = problem.Message.Split('\n')[0], snapshot = reader.Snapshot?.Snapshot ?? warehouse.ReadPublished()?.Snapshot }, statusCode: 503);
        }
    });
}
