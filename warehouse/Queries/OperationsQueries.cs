using Analytics.Warehouse.Operations;
using Analytics.Warehouse.Storage;

namespace Analytics.Warehouse.Queries;

/// <summary>For operators: how fresh each source of the snapshot is, and whether the ETL's newest run failed.</summary>
public sealed class OperationsQueries(IWarehouseReader reader, WarehouseDirectory warehouse, TimeProvider clock)
{
    /// <summary>Enough runs to find when a streak of failures began, however long it has gone on in practice.</summary>
    private const int RunsConsidered = 500;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IReadOnlyList<SourceFreshness> Freshness()
    {
        using var connection = reader.Open();
        return FreshnessReport.Read(connection, Today);
    }

    /// <summary>The banner's facts; with nothing published yet, only the runs.</summary>
    public OperationalStatus Status()
    {
        IReadOnlyList<SourceFreshness> freshness;
        try { freshness = Freshness(); }
        catch (WarehouseNotPublishedException) { freshness = []; }
        return OperationalStatus.From(new RunJournal(warehouse).Recent(RunsConsidered), freshness);
    }
}
