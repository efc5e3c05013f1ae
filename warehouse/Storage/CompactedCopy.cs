using Dapper;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// A copy of a snapshot with no free blocks: every table written afresh into a new file. What a snapshot's size is
/// measured against (tests/Warehouse/SnapshotSizeTests.cs, benchmarks/national.cs).
/// </summary>
public static class CompactedCopy
{
    /// <summary>Writes the compacted copy of <paramref name="snapshot"/> to <paramref name="target"/> (a new file); its size in bytes.</summary>
    public static long Write(string snapshot, string target)
    {
        using (var connection = DuckDbConnections.OpenReadWrite(target))
        {
            // The new file is the main database, so the snapshot is only ever opened read-only. ATTACH takes no
            // parameters: the path, the caller's own file, goes in as a quoted literal.
            connection.Execute($"ATTACH '{snapshot.Replace("'", "''", StringComparison.Ordinal)}' AS snapshot (READ_ONLY)");
            var database = connection.ExecuteScalar<string>("SELECT current_database()");
            connection.Execute($"COPY FROM DATABASE snapshot TO \"{database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"; DETACH snapshot; CHECKPOINT;");
        }
        return new FileInfo(target).Length;
    }
}
