using System.Text.Json;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Turns a finished working copy into the published snapshot: the file moves into snapshots/ and
/// published.json is replaced by rename, which is atomic, so a reader sees the old snapshot or the new
/// one and never a half-written file. Older snapshots are pruned afterwards.
/// </summary>
public static class SnapshotPublisher
{
    public static PublishedSnapshot Publish(WarehouseDirectory warehouse, string workingCopy, string runId, int schemaVersion, int snapshotsToKeep)
    {
        Directory.CreateDirectory(warehouse.SnapshotsDirectory);
        var snapshotPath = warehouse.SnapshotPath(runId);
        File.Move(workingCopy, snapshotPath);
        File.SetAttributes(snapshotPath, FileAttributes.ReadOnly);

        var published = new PublishedSnapshot(
            Path.GetRelativePath(warehouse.Root, snapshotPath), runId, DateTimeOffset.UtcNow, schemaVersion)
        { Path = snapshotPath };
        var temporary = warehouse.PointerPath + "." + runId + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, published, PublishedSnapshot.JsonOptions);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, warehouse.PointerPath, overwrite: true);

        Prune(warehouse, snapshotsToKeep);
        return published;
    }

    /// <summary>Deletes all but the newest snapshots, never the published one, and returns those deleted. Readers
    /// that still hold a deleted file open keep reading it until they close it. A file that cannot be deleted
    /// (Windows refuses while a reader has it open) is left for the next prune: it never fails the publish.</summary>
    public static IReadOnlyList<string> Prune(WarehouseDirectory warehouse, int snapshotsToKeep)
    {
        if (!Directory.Exists(warehouse.SnapshotsDirectory)) return [];
        var published = warehouse.ReadPublished()?.Path;
        var doomed = Directory.GetFiles(warehouse.SnapshotsDirectory, "*.duckdb")
            .OrderByDescending(path => Path.GetFileName(path), StringComparer.Ordinal)
            .Skip(Math.Max(1, snapshotsToKeep))
            .Where(path => path != published)
            .ToList();
        var deleted = new List<string>();
        foreach (var path in doomed)
        {
            try
            {
                // The write-ahead log first: while the snapshot file is still there, the next prune finds both.
                File.Delete(path + ".wal");
                File.SetAttributes(path, FileAttributes.Normal);
                File.Delete(path);
                deleted.Add(path);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                // Still in use: the next publish prunes it.
            }
        }
        return deleted;
    }
}
