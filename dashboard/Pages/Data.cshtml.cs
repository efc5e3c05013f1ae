using Analytics.Dashboard.Formatting;
using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>Where the data comes from, what was loaded and when, and what was rejected. Tables only, so no filters.</summary>
public sealed class DataModel(DataPageReader reader) : PageModel
{
    public DataPage Data { get; private set; } = null!;

    public void OnGet() => Data = reader.Read();

    /// <summary>Source kinds as the ETL names them, in words.</summary>
    public static string KindName(string kind) => kind switch
    {
        "police_street" => "Police street-level crime",
        "police_outcomes" => "Police outcomes",
        "ons_lsoa_lookup" => "ONS neighbourhood (LSOA) to district lookup",
        "ons_lsoa_changes" => "ONS 2011 to 2021 neighbourhood (LSOA) lookup",
        "ons_lsoa_population" => "ONS neighbourhood (LSOA) population estimates",
        "ons_nearest_neighbours" => "ONS statistical nearest neighbours",
        "ons_district_hierarchy" => "ONS district to partnership and force area lookup",
        "ons_partnership_names" => "ONS partnership names",
        "ons_force_area_names" => "ONS police force area names",
        "district_codes" => "District code history",
        "ons_population" => "ONS mid-year population estimates",
        "ons_population_series" => "ONS mid-year population estimates (several years)",
        "funding_returns" => "Funding returns",
        "service_returns" => "Service returns",
        "plan_definition" => "Police and Crime Plan definition",
        _ => kind,
    };

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
