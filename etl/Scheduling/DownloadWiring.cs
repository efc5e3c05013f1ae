using Analytics.Etl.Pipeline;

namespace Analytics.Etl.Scheduling;

/// <summary>Placeholder replaced when the police archive download lands.</summary>
public sealed class DownloadWiring(bool enabled)
{
    public Func<IRunReporter, CancellationToken, Task>? Fetch(string warehouseDirectory, string? inboxDirectory) => enabled ? null : null;
}
