namespace Analytics.Warehouse.Storage;

/// <summary>
/// The type of the file system a folder is on (ext4, xfs, btrfs, ...), from the mount table. It decides what a run's
/// copy of the published snapshot costs: ext4 writes the whole file, XFS and btrfs share its blocks (reflinks), so
/// the run's log and the national benchmark name it (warehouse/README.md, "Where the warehouse lives").
/// </summary>
public static class FileSystemType
{
    public const string Unknown = "an unknown file system";

    /// <summary>Whether File.Copy shares the file's blocks on this type (reflinks) instead of writing them all. XFS
    /// shares them when made with reflink=1, the default of mkfs.xfs since 2019.</summary>
    public static bool SharesCopiedBlocks(string type) => type is "xfs" or "btrfs";

    /// <summary>The type from /proc/mounts, or <see cref="Unknown"/> where there is none (not Linux).</summary>
    public static string Of(string folder) =>
        File.Exists("/proc/mounts") ? Of(folder, File.ReadAllText("/proc/mounts")) : Unknown;

    /// <summary>The type of the longest mount point above <paramref name="folder"/> in a mount table's text
    /// ("device mount-point type options ..." a line).</summary>
    internal static string Of(string folder, string mountTable)
    {
        var path = Path.GetFullPath(folder).TrimEnd('/') + "/";
        var mount = mountTable.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 2 && path.StartsWith(fields[1].TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(fields => fields[1].Length);
        return mount?[2] ?? Unknown;
    }
}
