using Analytics.Warehouse.Storage;

namespace Analytics.Warehouse.Operations;

/// <summary>
/// What an operator (and every dashboard page's banner) must know: whether the newest run failed and since
/// when runs have been failing, and which sources are behind their publication schedule.
/// </summary>
public sealed record OperationalStatus(RunSummary? FailedRun, DateTimeOffset? FailingSince, int FailedRunsInARow, IReadOnlyList<SourceFreshness> StaleSources)
{
    public bool NeedsAttention => FailedRun is not null || StaleSources.Count > 0;

    /// <param name="runs">Newest first, as <see cref="RunJournal.Recent"/> gives them.</param>
    public static OperationalStatus From(IReadOnlyList<RunSummary> runs, IReadOnlyList<SourceFreshness> freshness)
    {
        var finished = runs.Where(run => run.FinishedAt is not null).ToList();
        var failing = finished.TakeWhile(run => run.Failed).ToList();
        return new OperationalStatus(failing.FirstOrDefault(), failing.LastOrDefault()?.StartedAt, failing.Count,
            freshness.Where(source => source.IsStale).ToList());
    }
}
