using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// runs.jsonl: the operators' record of every run, kept outside the snapshots so that runs which failed
/// (and so published nothing) are still reported. One JSON object per line; a run that was killed shows
/// as started with no finish.
/// </summary>
public sealed class RunJournal(WarehouseDirectory warehouse)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Append(RunEvent entry)
    {
        Directory.CreateDirectory(warehouse.Root);
        var line = JsonSerializer.Serialize(entry, Options) + "\n";
        using var stream = new FileStream(warehouse.RunJournalPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Closes the record of runs that started and never finished: called by the next run once it holds the lock,
    /// when none of them can still be running.
    /// </summary>
    public IReadOnlyList<RunSummary> CloseUnfinished()
    {
        var unfinished = Recent(int.MaxValue).Where(run => run.FinishedAt is null).ToList();
        foreach (var run in unfinished)
            Append(new RunEvent("run_finished", run.RunId, DateTimeOffset.UtcNow, Status: "interrupted",
                Message: "stopped before it finished (killed, or the machine went down); nothing was published"));
        return unfinished;
    }

    /// <summary>The latest runs, newest first, each folded from its start and finish events.</summary>
    public IReadOnlyList<RunSummary> Recent(int count)
    {
        if (!File.Exists(warehouse.RunJournalPath)) return [];
        var runs = new Dictionary<string, RunSummary>();
        foreach (var line in File.ReadLines(warehouse.RunJournalPath))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            RunEvent? entry;
            try { entry = JsonSerializer.Deserialize<RunEvent>(line, Options); }
            catch (JsonException) { continue; } // a line cut short by a killed process
            if (entry is null) continue;
            runs[entry.RunId] = runs.TryGetValue(entry.RunId, out var earlier) ? earlier.With(entry) : RunSummary.From(entry);
        }
        return runs.Values.OrderByDescending(run => run.StartedAt).Take(count).ToList();
    }
}

public sealed record RunEvent(
    string Event, string RunId, DateTimeOffset At, string? Trigger = null, string? Status = null,
    int? FilesSeen = null, int? FilesLoaded = null, long? RowsRead = null, long? RowsLoaded = null, long? RowsRejected = null,
    int? DataTestsFailed = null, string? PublishedSnapshot = null, string? Message = null,
    int? DataTestsRun = null, IReadOnlyList<RunFile>? Files = null);

/// <summary>One file of a run: its path (archive.zip!member for a zip's files), outcome and rows.</summary>
public sealed record RunFile(string Path, string Outcome, long RowsRead, long RowsLoaded, long RowsRejected, string? Note);

public sealed record RunSummary(
    string RunId, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Trigger, string Status,
    int FilesSeen, int FilesLoaded, long RowsRead, long RowsLoaded, long RowsRejected, int DataTestsFailed,
    string? PublishedSnapshot, string? Message)
{

    public int DataTestsRun { get; init; }
    public IReadOnlyList<RunFile> Files { get; init; } = [];

    /// <summary>Ended without publishing or confirming the snapshot: failed, stopped, or (not finished) killed.</summary>
    public bool Failed => FinishedAt is not null && !RunStatus.Succeeded(Status);

    internal static RunSummary From(RunEvent started) =>
        new(started.RunId, started.At, null, started.Trigger ?? "manual", RunStatus.Interrupted, 0, 0, 0, 0, 0, 0, null, null);

    internal RunSummary With(RunEvent finished) => this with
    {
        FinishedAt = finished.At,
        Status = finished.Status ?? Status,
        FilesSeen = finished.FilesSeen ?? FilesSeen,
        FilesLoaded = finished.FilesLoaded ?? FilesLoaded,
        RowsRead = finished.RowsRead ?? RowsRead,
        RowsLoaded = finished.RowsLoaded ?? RowsLoaded,
        RowsRejected = finished.RowsRejected ?? RowsRejected,
        DataTestsFailed = finished.DataTestsFailed ?? DataTestsFailed,
        PublishedSnapshot = finished.PublishedSnapshot ?? PublishedSnapshot,
        Message = finished.Message ?? Message,
        DataTestsRun = finished.DataTestsRun ?? DataTestsRun,
        Files = finished.Files ?? Files,
    };
}
