using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Filters;

/// <summary>The filters of every page, as they stand in the query string: ?area=E23000028&amp;year=2025/26&amp;district=E07000066&amp;crime=Burglary.</summary>
public sealed record DashboardFilter
{
    [FromQuery(Name = "area")] public string? Area { get; init; }
    [FromQuery(Name = "year")] public string? Year { get; init; }
    [FromQuery(Name = "district")] public string? District { get; init; }
    [FromQuery(Name = "crime")] public string? CrimeType { get; init; }
    [FromQuery(Name = "level")] public string? Level { get; init; }
}

/// <summary>A filter checked against the warehouse: values that exist, a message for each one that did not, and the
/// choices the filter form offers (read once, with the check, so that views only show them).</summary>
/// <param name="IsDefaultArea">The force area is the one the settings name, so links need not carry it.</param>
/// <param name="Level">The areas figures are set side by side for: district or partnership.</param>
public sealed record ValidatedFilter(
    string ForceArea, string ForceAreaName, bool IsDefaultArea, string Year, int MonthsCovered, string? District, string? DistrictName, string? CrimeType,
    IReadOnlyList<FilterProblem> Problems, FilterChoices Choices, string Level = AreaLevels.District)
{
    public bool IsPartialYear => MonthsCovered is > 0 and < 12;
    public bool ByPartnership => Level == AreaLevels.Partnership;

    /// <summary>The area the page's figures are for: the chosen district, or the force area as a whole.</summary>
    public (string Type, string Code, string Name) Area =>
        District is { } code ? (AreaLevels.District, code, DistrictName ?? code) : (AreaLevels.ForceArea, ForceArea, ForceAreaName);

    /// <summary>The query string for these filters, with one value changed, for links that keep the rest.</summary>
    public string Query(string? year = null, string? district = null, string? crime = null)
    {
        var pairs = new List<string>();
        if (!IsDefaultArea) pairs.Add("area=" + Uri.EscapeDataString(ForceArea));
        pairs.Add("year=" + Uri.EscapeDataString(year ?? Year));
        if ((district ?? District) is { } d) pairs.Add("district=" + Uri.EscapeDataString(d));
        if ((crime ?? CrimeType) is { } c) pairs.Add("crime=" + Uri.EscapeDataString(c));
        if (ByPartnership) pairs.Add("level=" + Level);
        return "?" + string.Join("&", pairs);
    }

    /// <summary>Only the force area, for links to pages whose other filters differ (the navigation).</summary>
    public string AreaQuery => IsDefaultArea ? "" : "?area=" + Uri.EscapeDataString(ForceArea);
}

/// <param name="Field">The form control at fault, for the error summary's link.</param>
public sealed record FilterProblem(string Field, string Message);

/// <summary>What the filter form offers: force areas with data, and the chosen area's years and districts.</summary>
public sealed record FilterChoices(
    IReadOnlyList<AreaOption> ForceAreas, IReadOnlyList<(string Year, int MonthsCovered)> Years, IReadOnlyList<DistrictOption> Districts, IReadOnlyList<string> CrimeTypes);
