using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /data from <see cref="DataQueries"/> (the snapshot's load history) and <see cref="OperationsQueries"/> (runs and freshness).</summary>
public sealed class DataPageReader(DataQueries data, OperationsQueries operations)
{
    public DataPage Read() => new(
        data.SourceFiles(), data.LoadRuns(), operations.RecentRuns().Take(DataPage.JournalLimit).ToList(), data.TotalsByKind(),
        data.LatestRejects(DataPage.RejectLimit), data.FundingSources(), data.Plans(), operations.Freshness(), operations.Today);
}
