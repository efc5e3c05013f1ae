using System.Text.Json;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Scheduling;

/// <summary>
/// schedule-state.json in the warehouse folder: when each scheduled job last completed a firing. Read at start to
/// find firings missed while no scheduler was running; written by rename, so a killed write leaves the old state.
/// </summary>
public sealed class ScheduleState(WarehouseDirectory warehouse)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock gate = new();

    public string Path { get; } = System.IO.Path.Combine(warehouse.Root, "schedule-state.json");

    public DateTimeOffset? LastCompleted(string job) => Read().TryGetValue(job, out var at) ? at : null;

    public void Completed(string job, DateTimeOffset scheduledFor)
    {
        lock (gate)
        {
            var state = Read();
            state[job] = scheduledFor;
            var temporary = $"{Path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
            File.Move(temporary, Path, overwrite: true);
        }
    }

    private Dictionary<string, DateTimeOffset> Read()
    {
        if (!File.Exists(Path)) return [];
        try { return JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(File.ReadAllText(Path), Json) ?? []; }
        catch (JsonException) { return []; } // unreadable state only costs a catch-up run
    }
}
