using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Operations;
using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>Where the data comes from, what was loaded and when, and what was rejected. Tables only, so no filters.</summary>
public sealed class DataModel(DataQueries data, OperationsQueries operations) : PageModel
{
    public const int RejectLimit = 50;
    public const int JournalLimit = 20;

    public IReadOnlyList<SourceFileRow> Files { get; private set; } = [];
    public IReadOnlyList<LoadRunRow> Runs { get; private set; } = [];
    public IReadOnlyList<RunSummary> Journal { get; private set; } = [];
    public IReadOnlyList<SourceKindTotals> Totals { get; private set; } = [];
    public IReadOnlyList<RejectRow> Rejects { get; private set; } = [];
    public IReadOnlyList<FundingSourceCount> FundingSources { get; private set; } = [];
    public IReadOnlyList<PlanFile> Plans { get; private set; } = [];
    public IReadOnlyList<SourceFreshness> Freshness { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public void OnGet()
    {
        Files = data.SourceFiles();
        Runs = data.LoadRuns();
        Journal = operations.RecentRuns().Take(JournalLimit).ToList();
        Totals = data.TotalsByKind();
        Rejects = data.LatestRejects(RejectLimit);
        FundingSources = data.FundingSources();
        Plans = data.Plans();
        Today = operations.Today;
        Freshness = operations.Freshness();
    }

    /// <summary>Source kinds as the ETL names them, in words (warehouse/seeds/source_kinds.csv).</summary>
    public static string KindName(string kind) => Analytics.Warehouse.Lineage.SourceKinds.Name(kind);

    /// <summary>A period as people say it: September 2025 for 2025-09, mid-2023 for a population estimate year.</summary>
    public static string Period(string? period) =>
        period is null ? "–"
        : DateTime.TryParseExact(period + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var month) ? Format.Month(month)
        : period.Length == 4 ? "mid-" + period
        : period;

    public static string When(DateTime? at) =>
        at is { } value ? value.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "–";

    public static string When(DateTimeOffset? at) => When(at?.UtcDateTime);
}
