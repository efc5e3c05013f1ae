using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;
using Dapper;

namespace Analytics.Dashboard.Hosting;

/// <summary>
/// /healthz: whether the published warehouse can be read, and which snapshot is in use. "degraded" (still 200: the
/// dashboard serves) when the newest ETL run failed or a source is overdue, as the pages' banner says.
/// </summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) => app.MapGet("/healthz", (WarehouseDirectory warehouse, PinnedSnapshotReader reader, OperationsQueries operations) =>
    {
        try
        {
            // Through the request's reader, as pages read: the snapshot reported is the one that was queried.
            long months;
            using (var connection = reader.Open())
                months = connection.ExecuteScalar<long>("SELECT count(DISTINCT month) FROM marts.crime_by_district_month");
            var published = reader.Snapshot!;
            var attention = operations.Status();
            return Results.Json(new
            {
                status = attention.NeedsAttention ? "degraded" : "healthy", snapshot = published.Snapshot, run_id = published.RunId,
                published_at = published.PublishedAt, schema_version = published.SchemaVersion, months_of_crime_data = months,
                newest_run_failed = attention.FailedRun?.RunId, failing_since = attention.FailingSince,
                overdue_sources = attention.StaleSources.Select(source => new
                {
                    source = source.SourceKind, force = source.ForceSlug, latest = source.LatestPeriod, expected = source.ExpectedPeriod, since = source.StaleSince,
                }),
            });
        }
        catch (WarehouseNotPublishedException)
        {
            return Results.Json(new { status = "unhealthy", reason = "no snapshot has been published" }, statusCode: 503);
        }
        catch (WarehouseUnreadableException unreadable)
        {
            // Never the server's paths or the engine's words: what is wrong, and the command that puts it right.
            return Results.Json(new { status = "unhealthy", reason = unreadable.Message, recovery = SnapshotHealth.PublicRecovery }, statusCode: 503);
        }
        catch (Exception problem) when (problem is DuckDB.NET.Data.DuckDBException or IOException)
        {
            return Results.Json(new { status = "unhealthy", reason = "the published snapshot could not be read", recovery = SnapshotHealth.PublicRecovery }, statusCode: 503);
        }
    });
}
