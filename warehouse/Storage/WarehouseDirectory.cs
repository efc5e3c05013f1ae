using System.Text.Json;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// The folder that holds a warehouse:
/// <code>
///   published.json         which snapshot readers use (replaced atomically)
///   snapshots/RUN.duckdb   immutable published snapshots, newest kept
///   work/RUN/              a run's private working copy and scratch files
///   work/spare.duckdb      the snapshot the last publish retired, which the next run rewrites into its working copy
///   runs.jsonl             one line per run event, also for runs that failed
///   schedule-state.json    when each scheduled job last completed (etl schedule)
///   etl.lock               held by the one run allowed at a time
/// </code>
/// </summary>
public sealed class WarehouseDirectory(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string SnapshotsDirectory => Path.Combine(Root, "snapshots");
    public string WorkDirectory => Path.Combine(Root, "work");
    public string PointerPath => Path.Combine(Root, "published.json");
    public string RunJournalPath => Path.Combine(Root, "runs.jsonl");
    public string LockPath => Path.Combine(Root, "etl.lock");
    public string SparePath => Path.Combine(WorkDirectory, "spare.duckdb");

    public string SnapshotPath(string runId) => Path.Combine(SnapshotsDirectory, runId + ".duckdb");

    /// <summary>The snapshot readers should use now, or null when nothing has been published yet.</summary>
    public PublishedSnapshot? ReadPublished()
    {
        if (!File.Exists(PointerPath)) return null;
        var pointer = JsonSerializer.Deserialize<PublishedSnapshot>(File.ReadAllText(PointerPath), PublishedSnapshot.JsonOptions)
            ?? throw new InvalidDataException($"{PointerPath} is empty.");
        return pointer with { Path = Path.Combine(Root, pointer.Snapshot) };
    }
}

/// <param name="Snapshot">Path of the snapshot file relative to the warehouse folder.</param>
public sealed record PublishedSnapshot(string Snapshot, string RunId, DateTimeOffset PublishedAt, int SchemaVersion)
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Absolute path of the snapshot file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Path { get; init; } = "";
}
