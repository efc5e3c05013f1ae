using Analytics.Warehouse.Operations;
using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /data shows: sources and licences, every load and run, how fresh each source is, and the latest rejects.</summary>
/// <param name="Journal">The run journal's latest runs, failed ones included, newest first.</param>
/// <param name="Today">The day freshness is judged on.</param>
public sealed record DataPage(
    IReadOnlyList<SourceFileRow> Files, IReadOnlyList<LoadRunRow> Runs, IReadOnlyList<RunSummary> Journal, IReadOnlyList<SourceKindTotals> Totals,
    IReadOnlyList<RejectRow> Rejects, IReadOnlyList<FundingSourceCount> FundingSources, IReadOnlyList<PlanFile> Plans,
    IReadOnlyList<SourceFreshness> Freshness, DateOnly Today)
{
    public const int RejectLimit = 50;
    public const int JournalLimit = 20;
}
