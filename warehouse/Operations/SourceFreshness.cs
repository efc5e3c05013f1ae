namespace Analytics.Warehouse.Operations;

/// <summary>How up to date one source is: the latest period loaded against the latest a publisher should have out by now.</summary>
/// <param name="ForceSlug">The police force, for data.police.uk files; null otherwise.</param>
/// <param name="ExpectedPeriod">Null for sources with no publication schedule (lookups, funding returns, plans).</param>
/// <param name="StaleSince">The day the first period after <paramref name="LatestPeriod"/> became due, when it is still missing.</param>
public sealed record SourceFreshness(
    string SourceKind, string? ForceSlug, string? LatestPeriod, string? ExpectedPeriod, DateOnly? StaleSince,
    long Files, long RowsLoaded, long RowsRejected, DateTime LastLoadedAt)
{
    public bool IsStale => StaleSince is not null;
}
