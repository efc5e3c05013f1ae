using System.Globalization;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Records;

/// <summary>The listing's own parameters, beside the filters every page has: ?partnership=E22000268&amp;kind=recorded-crime&amp;month=2025-04&amp;page=2.</summary>
public sealed record RecordRequest
{
    [FromQuery(Name = "partnership")] public string? Partnership { get; init; }
    [FromQuery(Name = "kind")] public string? Kind { get; init; }
    [FromQuery(Name = "month")] public string? Month { get; init; }
    [FromQuery(Name = "page")] public string? Page { get; init; }
}

/// <summary>A listing request checked: the records selected, the page asked for, the names to show, and a message for each value not understood.</summary>
public sealed record CheckedRecordRequest(RecordSelection Selection, int Page, string? AreaName, IReadOnlyList<FilterProblem> Problems)
{
    /// <summary>What is listed, in words: "Recorded crime in Ashford, April 2025".</summary>
    public string Describe(string forceAreaName)
    {
        var what = Selection.CrimeType ?? Selection.RecordedCrime switch
        {
            true => "Recorded crime",
            false => "Anti-social behaviour",
            null => "Crimes and anti-social behaviour",
        };
        if (Selection.CrimeType is not null && Selection.RecordedCrime is { } recorded)
            what += recorded ? " (recorded crime only)" : " (anti-social behaviour only)";
        var when = Selection.Month is { } month ? month.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : "financial year " + Selection.Year;
        return $"{what} in {AreaName ?? forceAreaName}, {when}";
    }

    public static CheckedRecordRequest Check(RecordRequest request, ValidatedFilter filter, Func<string, IReadOnlyList<DistrictOption>> partnerships)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(filter);
        var problems = new List<FilterProblem>();
        var selection = new RecordSelection(filter.ForceArea, filter.Year, filter.District, CrimeType: filter.CrimeType);
        var areaName = filter.DistrictName;

        if (!string.IsNullOrWhiteSpace(request.Partnership))
        {
            var asked = request.Partnership.Trim();
            var found = partnerships(filter.ForceArea).FirstOrDefault(p => string.Equals(p.Code, asked, StringComparison.OrdinalIgnoreCase));
            if (found is null)
                problems.Add(new("partnership", $"‘{asked}’ is not a Community Safety Partnership of {filter.ForceAreaName}. Showing {areaName ?? "the whole force area"}."));
            else if (filter.District is not null)
                problems.Add(new("partnership", $"Choose a district or a partnership, not both. Showing {areaName}."));
            else
                (selection, areaName) = (selection with { Partnership = found.Code }, found.Name);
        }

        if (!string.IsNullOrWhiteSpace(request.Kind))
        {
            var asked = request.Kind.Trim().ToLowerInvariant();
            if (asked == RecordAddress.RecordedCrime) selection = selection with { RecordedCrime = true };
            else if (asked == RecordAddress.AntiSocialBehaviour) selection = selection with { RecordedCrime = false };
            else problems.Add(new("kind", $"‘{request.Kind.Trim()}’ is not a kind of record: choose {RecordAddress.RecordedCrime} or {RecordAddress.AntiSocialBehaviour}. Showing both."));
        }

        if (!string.IsNullOrWhiteSpace(request.Month))
        {
            var asked = request.Month.Trim();
            if (!DateOnly.TryParseExact(asked, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                problems.Add(new("month", $"‘{asked}’ is not a month. Write it like 2025-04. Showing the whole of {filter.Year}."));
            else if (!InYear(month, filter.Year))
                problems.Add(new("month", $"{month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)} is not in the financial year {filter.Year}. Showing the whole year."));
            else
                selection = selection with { Month = month };
        }

        var page = 1;
        if (!string.IsNullOrWhiteSpace(request.Page))
        {
            var asked = request.Page.Trim();
            if (int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1) page = number;
            else problems.Add(new("page", $"‘{asked}’ is not a page number. Showing the first page."));
        }
        return new CheckedRecordRequest(selection, page, areaName, problems);
    }

    /// <summary>April of the year the financial year starts in to March of the next.</summary>
    private static bool InYear(DateOnly month, string financialYear)
    {
        if (financialYear.Length < 4 || !int.TryParse(financialYear[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var start)) return false;
        var first = new DateOnly(start, 4, 1);
        return month >= first && month < first.AddYears(1);
    }
}
