using Analytics.Dashboard.Formatting;
using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>Where the data comes from, what was loaded and when, and what was rejected. Tables only, so no filters.</summary>
public sealed class DataModel(DataPageReader reader) : PageModel
{
    public DataPage Data { get; private set; } = null!;

    public void OnGet() => Data = reader.Read();

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
