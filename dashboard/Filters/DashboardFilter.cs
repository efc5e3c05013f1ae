using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Filters;

/// <summary>The filters of every page, as they stand in the query string: ?year=2025/26&amp;district=E07000105&amp;crime=Burglary.</summary>
public sealed record DashboardFilter
{
    [FromQuery(Name = "year")] public string? Year { get; init; }
    [FromQuery(Name = "district")] public string? District { get; init; }
    [FromQuery(Name = "crime")] public string? CrimeType { get; init; }
}

/// <summary>A filter checked against the warehouse: values that exist, and a message for each one that did not.</summary>
public sealed record ValidatedFilter(
    string ForceArea, string ForceAreaName, string Year, int MonthsCovered, string? District, string? DistrictName, string? CrimeType,
    IReadOnlyList<FilterProblem> Problems)
{
    public bool IsPartialYear => MonthsCovered is > 0 and < 12;

    /// <summary>The query string for these filters, with one value changed, for links that keep the rest.</summary>
    public string Query(string? year = null, string? district = null, string? crime = null)
    {
        var pairs = new List<string> { "year=" + Uri.EscapeDataString(year ?? Year) };
        if ((district ?? District) is { } d) pairs.Add("district=" + Uri.EscapeDataString(d));
        if ((crime ?? CrimeType) is { } c) pairs.Add("crime=" + Uri.EscapeDataString(c));
        return "?" + string.Join("&", pairs);
    }
}

/// <param name="Field">The form control at fault, for the error summary's link.</param>
public sealed record FilterProblem(string Field, string Message);
