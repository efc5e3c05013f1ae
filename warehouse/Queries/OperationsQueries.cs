using Analytics.Warehouse.Operations;
using Analytics.Warehouse.Storage;

namespace Analytics.Warehouse.Queries;

/// <summary>
/// For operators: how fresh each source of the snapshot is, and whether the ETL's newest run failed. The dashboard
/// makes one per request, so the runs and freshness the banner shows and the ones /data lists are read once.
/// </summary>
public sealed class OperationsQueries(IWarehouseReader reader, WarehouseDirectory warehouse, TimeProvider clock)
{
    private IReadOnlyList<SourceFreshness>? freshness;
    private IReadOnlyList<RunSummary>? runs;

    /// <summary>Enough runs to find when a streak of failures began, however long it has gone on in practice.</summary>
    private const int RunsConsidered = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IReadOnlyList<SourceFreshness> Freshness()
    {
        if (freshness is null)
        {
            using var connection = reader.Open();
            freshness = FreshnessReport.Read(connection, Today);
        }
        return freshness;
    }

    /// <summary>The run journal's latest runs, newest first, failed ones included.</summary>
    public IReadOnlyList<RunSummary> RecentRuns() => runs ??= new RunJournal(warehouse).Recent(RunsConsidered);

    /// <summary>The banner's facts; with nothing published yet, or nothing readable, only the runs.</summary>
    public OperationalStatus Status()
    {
        IReadOnlyList<SourceFreshness> freshness;
        try { freshness = Freshness(); }
        catch (Exception nothingToRead) when (nothingToRead is WarehouseNotPublishedException or WarehouseUnreadableException) { freshness = []; }
        return OperationalStatus.From(RecentRuns(), freshness);
    }
}
