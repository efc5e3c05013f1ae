namespace Analytics.Warehouse.Storage;

/// <summary>
/// Makes a run's working copy of the published snapshot, which stays exactly as it is. Where a copy writes every
/// block (ext4), the snapshot the last publish retired is kept as a spare, and the next run rewrites only the blocks
/// in which it differs from the published one; elsewhere, or with no spare free, the snapshot is copied
/// (warehouse/README.md, "Where the warehouse lives").
/// </summary>
public static class SnapshotCopier
{
    public static SnapshotCopy Make(WarehouseDirectory warehouse, string published, string workingCopy, CancellationToken cancellation = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (File.Exists(warehouse.SparePath))
        {
            File.Move(warehouse.SparePath, workingCopy); // the same file system: a rename
            // A spare under half the snapshot's size would be mostly written anyway, and a copy need not read it first.
            // A reader that opened the snapshot while it was published may still have it open: it must keep reading
            // what it read, so the spare is left to it (deleted, it lives on until that reader closes it).
            if (new FileInfo(workingCopy).Length >= new FileInfo(published).Length / 2 && !FileUsers.Any(workingCopy))
                return new SnapshotCopy(SpareRewritten: true, BlockRefresh.Rewrite(published, workingCopy, cancellation), clock.Elapsed);
            File.Delete(workingCopy);
        }
        File.Copy(published, workingCopy);
        File.SetAttributes(workingCopy, FileAttributes.Normal);
        return new SnapshotCopy(SpareRewritten: false, new FileInfo(workingCopy).Length, clock.Elapsed);
    }

    /// <summary>
    /// Keeps a working copy that was not published (nothing new to load, a failed or stopped run) as the spare, where
    /// spares are kept and there is none: a nightly run with nothing new must not cost the next run its spare. What it
    /// holds does not matter, as the next run rewrites whatever differs. Called once the run has closed it.
    /// </summary>
    public static void KeepUnpublished(WarehouseDirectory warehouse, string workingCopy)
    {
        if (!File.Exists(workingCopy) || File.Exists(warehouse.SparePath) || !KeepsSpare(warehouse)) return;
        try { File.Move(workingCopy, warehouse.SparePath); }
        catch (Exception kept) when (kept is IOException or UnauthorizedAccessException) { /* deleted with the run's work folder instead */ }
    }

    /// <summary>Whether a publish keeps the snapshot it retires as the next run's spare: on Linux, where a reader's
    /// lock can be seen, and on a file system whose copies write every block (XFS and btrfs share them).</summary>
    public static bool KeepsSpare(WarehouseDirectory warehouse) =>
        OperatingSystem.IsLinux() && !FileSystemType.SharesCopiedBlocks(FileSystemType.Of(warehouse.Root));
}

/// <param name="SpareRewritten">True when the retired snapshot was brought up to date, false when the snapshot was copied.</param>
/// <param name="BytesWritten">What the working copy took to write: the blocks that differed, or the whole file.</param>
public sealed record SnapshotCopy(bool SpareRewritten, long BytesWritten, TimeSpan Took);
