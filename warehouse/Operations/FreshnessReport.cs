using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Operations;

/// <summary>Every source kind (and police force) in a snapshot with how fresh it is, stale ones first.</summary>
public static class FreshnessReport
{
    private sealed record Loaded(string SourceKind, string? ForceSlug, string? LatestPeriod, long Files, long RowsLoaded, long RowsRejected, DateTime LastLoadedAt);

    public static IReadOnlyList<SourceFreshness> Read(DuckDBConnection connection, DateOnly today) =>
        connection.Query<Loaded>("""
            -- A file that loaded no records (a header-only month) does not make its period loaded.
            SELECT source_kind AS SourceKind, force_slug AS ForceSlug, max(period) FILTER (WHERE rows_loaded > 0) AS LatestPeriod, count(*) AS Files,
                   CAST(sum(rows_loaded) AS BIGINT) AS RowsLoaded, CAST(sum(rows_rejected) AS BIGINT) AS RowsRejected,
                   max(loaded_at) AS LastLoadedAt
            FROM meta.source_files WHERE status = 'loaded'
            GROUP BY ALL ORDER BY source_kind, force_slug
            """)
            .Select(loaded =>
            {
                var (expected, staleSince) = PublicationSchedule.Assess(loaded.SourceKind, loaded.LatestPeriod, today);
                return new SourceFreshness(loaded.SourceKind, loaded.ForceSlug, loaded.LatestPeriod, expected, staleSince,
                    loaded.Files, loaded.RowsLoaded, loaded.RowsRejected, loaded.LastLoadedAt);
            })
            .OrderByDescending(source => source.IsStale).ThenBy(source => source.SourceKind, StringComparer.Ordinal)
            .ThenBy(source => source.ForceSlug, StringComparer.Ordinal)
            .ToList();
}
