using System.Text.Json;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Whether published.json can be read and names a snapshot that is there: checked by status, run, check and repair
/// before they rely on it, and by the dashboard when a page cannot read the warehouse, so that a deleted snapshots
/// folder or a garbled pointer is named with the way to recover instead of surfacing as "Could not find a part of
/// the path" or a bare error page.
/// </summary>
public static class SnapshotHealth
{
    /// <summary>What is wrong with the published snapshot, if anything.</summary>
    /// <param name="Detail">For operators: the reader's own words (an unreadable pointer) or the folder that is gone.</param>
    public sealed record Diagnosis(bool PointerUnreadable, string? Snapshot, string Detail);

    /// <returns>null when the pointer is sound or nothing has been published yet.</returns>
    public static Diagnosis? Diagnose(WarehouseDirectory warehouse)
    {
        PublishedSnapshot? published;
        try
        {
            published = warehouse.ReadPublished();
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new Diagnosis(true, null, unreadable.Message.Split('\n')[0].Trim());
        }
        if (published is null || File.Exists(published.Path)) return null;
        return new Diagnosis(false, published.Snapshot,
            Directory.Exists(warehouse.SnapshotsDirectory) ? "" : $" (the folder {warehouse.SnapshotsDirectory} is gone)");
    }

    /// <returns>What is wrong, in words for operators (with the warehouse's paths); null when the pointer is sound or
    /// nothing has been published yet.</returns>
    public static string? Problem(WarehouseDirectory warehouse) => Diagnose(warehouse) switch
    {
        null => null,
        { PointerUnreadable: true } unreadable => $"{warehouse.PointerPath} cannot be read ({unreadable.Detail})",
        var missing => $"{warehouse.PointerPath} names the snapshot {missing.Snapshot}, which is missing{missing.Detail}",
    };

    /// <summary>The same in words for anyone (no server paths): for pages and the health check.</summary>
    public static string? PublicProblem(WarehouseDirectory warehouse) => Diagnose(warehouse) switch
    {
        null => null,
        { PointerUnreadable: true } => "the file that names the published snapshot (published.json) cannot be read",
        var missing => $"the published snapshot {missing.Snapshot} is missing from the warehouse folder",
    };

    /// <summary>What to do about a <see cref="Problem"/>: the ETL's repair command, or a rebuild when nothing is left.</summary>
    public static string Recovery(WarehouseDirectory warehouse) =>
        $"to recover, run: dotnet run --project etl -- repair --warehouse {warehouse.Root} (it publishes the newest intact " +
        "snapshot again; if none is left it says so, and the warehouse is rebuilt by loading the sources again with run --source PATH)";

    /// <summary>The same for anyone: the command, with the warehouse folder left to the operator who knows it.</summary>
    public const string PublicRecovery =
        "An operator can run: dotnet run --project etl -- repair (with --warehouse set to the dashboard's warehouse folder). " +
        "It publishes the newest intact snapshot again; if none is left, it says so, and the warehouse is rebuilt by loading the sources again with: dotnet run --project etl -- run --source PATH";
}
