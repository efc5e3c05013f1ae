using Analytics.Etl.Sources;

namespace Analytics.Etl.Pipeline;

public sealed record RunOptions(IReadOnlyList<string> Sources, string WarehouseDirectory)
{
    public int SnapshotsToKeep { get; init; } = 3;
    public string Trigger { get; init; } = "manual";
    public bool FailOnRejects { get; init; }
    /// <summary>"Today" for the future-month check; tests pin it.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
    public ZipLimits ZipLimits { get; init; } = ZipLimits.Default;
}
