using System.Text.Json;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Turns a finished working copy into the published snapshot: the file moves into snapshots/ and
/// published.json is replaced by rename, which is atomic, so a reader sees the old snapshot or the new
/// one and never a half-written file. Older snapshots are pruned afterwards.
/// </summary>
public static class SnapshotPublisher
{
    /// <param name="beforePointer">Called between moving the file into snapshots/ and replacing the pointer (fault tests pause there).</param>
    public static PublishedSnapshot Publish(WarehouseDirectory warehouse, string workingCopy, string runId, int schemaVersion, int snapshotsToKeep,
        Action? beforePointer = null)
    {
        Directory.CreateDirectory(warehouse.SnapshotsDirectory);
        var snapshotPath = warehouse.SnapshotPath(runId);
        File.Move(workingCopy, snapshotPath);
        File.SetAttributes(snapshotPath, FileAttributes.ReadOnly);

        var published = new PublishedSnapshot(
            Path.GetRelativePath(warehouse.Root, snapshotPath), runId, DateTimeOffset.UtcNow, schemaVersion)
        { Path = snapshotPath };
        beforePointer?.Invoke();
        WritePointer(warehouse, published);

        Prune(warehouse, snapshotsToKeep);
        return published;
    }

    /// <summary>Points published.json at a snapshot already in snapshots/ (etl repair: the newest intact one).</summary>
    public static PublishedSnapshot Republish(WarehouseDirectory warehouse, string snapshotPath, int schemaVersion)
    {
        var published = new PublishedSnapshot(Path.GetRelativePath(warehouse.Root, snapshotPath), Path.GetFileNameWithoutExtension(snapshotPath),
            DateTimeOffset.UtcNow, schemaVersion) { Path = snapshotPath };
        WritePointer(warehouse, published);
        return published;
    }

    /// <summary>Replaces published.json by rename, so a reader sees the old pointer or the new one, never half of one.</summary>
    private static void WritePointer(WarehouseDirectory warehouse, PublishedSnapshot published)
    {
        var temporary = warehouse.PointerPath + "." + published.RunId + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, published, PublishedSnapshot.JsonOptions);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, warehouse.PointerPath, overwrite: true);
    }

    /// <summary>
    /// Snapshot files that a killed publish moved into snapshots/ but never pointed to: newer than the published
    /// one, never read by anyone. Called by a run holding the lock, so no publish is under way.
    /// </summary>
    public static IReadOnlyList<string> RemoveUnpublished(WarehouseDirectory warehouse)
    {
        if (!Directory.Exists(warehouse.SnapshotsDirectory)) return [];
        var published = warehouse.ReadPublished();
        var orphans = Directory.GetFiles(warehouse.SnapshotsDirectory, "*.duckdb")
            .Where(path => published is null || string.CompareOrdinal(Path.GetFileName(path), Path.GetFileName(published.Path)) > 0)
            .ToList();
        foreach (var path in orphans)
        {
            File.SetAttributes(path, FileAttributes.Normal);
            File.Delete(path);
        }
        foreach (var pointer in Directory.GetFiles(warehouse.Root, Path.GetFileName(warehouse.PointerPath) + ".*.tmp")) File.Delete(pointer);
        return orphans;
    }

    /// <summary>
    /// The snapshot files, newest first by when each was written: run ids name the second, and two runs can share one.
    /// </summary>
    public static IReadOnlyList<string> NewestFirst(WarehouseDirectory warehouse) =>
        Directory.Exists(warehouse.SnapshotsDirectory)
            ? Directory.GetFiles(warehouse.SnapshotsDirectory, "*.duckdb")
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .ThenByDescending(path => Path.GetFileName(path), StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>Deletes all but the newest snapshots, never the published one, and returns those gone. The newest of
    /// them becomes the next run's spare where <see cref="SnapshotCopier.KeepsSpare"/> says so. Readers that still
    /// hold a retired file open keep reading it until they close it (the next run leaves a spare it sees locked). A
    /// file that cannot be deleted (Windows refuses while a reader has it open) is left for the next prune: it never
    /// fails the publish.</summary>
    public static IReadOnlyList<string> Prune(WarehouseDirectory warehouse, int snapshotsToKeep)
    {
        var published = warehouse.ReadPublished()?.Path;
        var doomed = NewestFirst(warehouse)
            .Where(path => path != published)
            .Skip(Math.Max(1, snapshotsToKeep) - (published is null ? 0 : 1))
            .ToList();
        var spare = doomed.Count > 0 && SnapshotCopier.KeepsSpare(warehouse) ? doomed[0] : null;
        var gone = new List<string>();
        foreach (var path in doomed)
        {
            try
            {
                // The write-ahead log first: while the snapshot file is still there, the next prune finds both.
                File.Delete(path + ".wal");
                File.SetAttributes(path, FileAttributes.Normal);
                if (path == spare)
                {
                    Directory.CreateDirectory(warehouse.WorkDirectory);
                    File.Move(path, warehouse.SparePath, overwrite: true);
                }
                else File.Delete(path);
                gone.Add(path);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                // Still in use: the next publish prunes it.
            }
        }
        return gone;
    }
}
