using Analytics.Warehouse.Schema;
using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record SourceFileRow(
    int FileId, string SourcePath, string SourceKind, string? Period, long RowsRead, long RowsLoaded, long RowsRejected,
    string Status, DateTime LoadedAt, string RunId);

public sealed record RejectRow(string SourcePath, long LineNumber, string? Field, string Reason, string? RawText);

/// <summary>What was loaded into the published snapshot, and what was rejected.</summary>
public sealed class LoadHistoryQueries(IWarehouseReader reader)
{
    public IReadOnlyList<SourceFileRow> SourceFiles()
    {
        using var connection = reader.Open();
        return connection.Query<SourceFileRow>("""
            SELECT file_id AS FileId, source_path AS SourcePath, source_kind AS SourceKind, period AS Period,
                   rows_read AS RowsRead, rows_loaded AS RowsLoaded, rows_rejected AS RowsRejected,
                   status AS Status, loaded_at AS LoadedAt, run_id AS RunId
            FROM meta.source_files ORDER BY file_id
            """).ToList();
    }

    /// <summary>Rows rejected at load and street rows set aside because their crime counts from another row,
    /// together, from the most recently loaded files.</summary>
    public IReadOnlyList<RejectRow> LatestRejects(int limit)
    {
        using var connection = reader.Open();
        var sql = $"""
            SELECT source_path AS SourcePath, line_number AS LineNumber, field AS Field,
                   {RejectText.Sql("reason")} AS Reason, {RejectText.Sql("raw_text")} AS RawText
            FROM (
                SELECT file_id, source_path, line_number, field, reason, raw_text FROM meta.rejects
                UNION ALL
                SELECT source_file_id, source_path, source_line_number, 'Crime ID', reason, raw_text FROM marts.crime_records_set_aside
            )
            ORDER BY file_id DESC, line_number LIMIT $limit
            """;
        return connection.Query<RejectRow>(sql, new { limit }).ToList();
    }
}
