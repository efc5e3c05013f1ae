using Analytics.Warehouse;
using Analytics.Warehouse.Storage;
using Dapper;

namespace Analytics.Dashboard.Hosting;

/// <summary>/healthz: whether the published warehouse can be read, and which snapshot is in use.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) => app.MapGet("/healthz", (WarehouseDirectory warehouse) =>
    {
        var published = warehouse.ReadPublished();
        if (published is null)
            return Results.Json(new { status = "unhealthy", reason = "no snapshot has been published", warehouse = warehouse.Root }, statusCode: 503);
        try
        {
            using var connection = DuckDbConnections.OpenReadOnly(published.Path);
            var months = connection.ExecuteScalar<long>("SELECT count(DISTINCT month) FROM marts.crime_by_district_month");
            return Results.Json(new
            {
                status = "healthy", snapshot = published.Snapshot, run_id = published.RunId, published_at = published.PublishedAt,
                schema_version = published.SchemaVersion, months_of_crime_data = months,
            });
        }
        catch (Exception problem) when (problem is DuckDB.NET.Data.DuckDBException or IOException)
        {
            return Results.Json(new { status = "unhealthy", reason = problem.Message.Split('\n')[0], snapshot = published.Snapshot }, statusCode: 503);
        }
    });
}
