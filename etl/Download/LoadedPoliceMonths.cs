using Analytics.Warehouse;
using Analytics.Warehouse.Storage;
using Dapper;

namespace Analytics.Etl.Download;

/// <summary>
/// Each force's latest street month in the published snapshot: what <see cref="PoliceArchiveDownloader"/> needs
/// to know is already loaded. Street files decide it, as every published month has one; outcomes may lag.
/// </summary>
public static class LoadedPoliceMonths
{
    /// <returns>Force slug to YYYY-MM; empty when nothing is published yet.</returns>
    public static IReadOnlyDictionary<string, string?> Read(WarehouseDirectory warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        if (warehouse.ReadPublished() is not { } published) return new Dictionary<string, string?>();
        using var connection = DuckDbConnections.OpenReadOnly(published.Path);
        return connection.Query<(string Force, string Month)>("""
                SELECT lower(force_slug), max(period) FROM meta.source_files
                WHERE source_kind = 'police_street' AND status = 'loaded' AND force_slug IS NOT NULL AND period IS NOT NULL
                  AND rows_loaded > 0 -- a header-only month is not loaded: fetch it again
                GROUP BY ALL
                """)
            .ToDictionary(row => row.Force, row => (string?)row.Month, StringComparer.OrdinalIgnoreCase);
    }
}
