using System.Text.Json;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Whether published.json can be read and names a snapshot that is there: checked by status, run, check and repair
/// before they rely on it, so that a deleted snapshots folder or a garbled pointer is named with the way to recover
/// instead of surfacing as "Could not find a part of the path".
/// </summary>
public static class SnapshotHealth
{
    /// <returns>What is wrong, in words; null when the pointer is sound or nothing has been published yet.</returns>
    public static string? Problem(WarehouseDirectory warehouse)
    {
        PublishedSnapshot? published;
        try
        {
            published = warehouse.ReadPublished();
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"{warehouse.PointerPath} cannot be read ({unreadable.Message.Split('\n')[0].Trim()})";
        }
        if (published is null || File.Exists(published.Path)) return null;
        return $"{warehouse.PointerPath} names the snapshot {published.Snapshot}, which is missing" +
            (Directory.Exists(warehouse.SnapshotsDirectory) ? "" : $" (the folder {warehouse.SnapshotsDirectory} is gone)");
    }

    /// <summary>What to do about a <see cref="Problem"/>: the ETL's repair command, or a rebuild when nothing is left.</summary>
    public static string Recovery(WarehouseDirectory warehouse) =>
        $"to recover, run: dotnet run --project etl -- repair --warehouse {warehouse.Root} (it publishes the newest intact " +
        "snapshot again; if none is left it says so, and the warehouse is rebuilt by loading the sources again with run --source PATH)";
}
