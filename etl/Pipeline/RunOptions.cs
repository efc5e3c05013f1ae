using Analytics.Etl.Inbox;
using Analytics.Etl.Loading;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Pipeline;

public sealed record RunOptions(IReadOnlyList<string> Sources, string WarehouseDirectory)
{
    public int SnapshotsToKeep { get; init; } = 1;
    /// <summary>DuckDB's memory limit for the run (Etl:MemoryLimitMiB); beyond it the run spills to its work folder.</summary>
    public int MemoryLimitMiB { get; init; } = Settings.EtlSettings.DefaultMemoryLimitMiB;
    public string Trigger { get; init; } = "manual";
    public bool FailOnRejects { get; init; }
    /// <summary>Build every model anew even where the run could build incrementally (--full-build).</summary>
    public bool FullBuild { get; init; }
    /// <summary>"Today" for the future-month check; tests pin it.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
    public ZipLimits ZipLimits { get; init; } = ZipLimits.Default;
    /// <summary>A folder whose settled files the run also loads, then files as processed or rejected.</summary>
    public InboxOptions? Inbox { get; init; }
    /// <summary>Runs under the lock before the inbox is read: the optional download into the inbox.</summary>
    public Func<IRunReporter, CancellationToken, Task>? FetchIntoInbox { get; init; }
    /// <summary>How much of a republished police force-month may be lost before the file is refused (Etl:MaxShrinkPercent, --accept-shrink).</summary>
    public ShrinkGuard Shrink { get; init; } = new();
    /// <summary>Ctrl+C or SIGTERM: the run stops at its next step and publishes nothing.</summary>
    public CancellationToken Cancellation { get; init; }
}
