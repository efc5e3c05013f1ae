using System.Text.RegularExpressions;
using Analytics.Dashboard.Hosting;
using Analytics.Warehouse.Queries;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Filters;

/// <summary>
/// Checks a page's filters against what the warehouse holds; a bad value gets a message and the default. One per
/// request, so each list is read once however often the page asks for it.
/// </summary>
public sealed partial class FilterOptions(FilterQueries queries, IOptions<WarehouseOptions> options)
{
    private readonly Dictionary<string, IReadOnlyList<(string Year, int MonthsCovered)>> years = [];
    private readonly Dictionary<string, IReadOnlyList<DistrictOption>> districts = [];
    private IReadOnlyList<AreaOption>? forceAreas;
    private IReadOnlyList<string>? crimeTypes;

    /// <summary>The force area of the settings (Warehouse:DefaultForceArea), shown when the address names none.</summary>
    public string DefaultForceArea => options.Value.DefaultForceArea;

    /// <summary>Police force areas with crime data loaded: the only ones offered.</summary>
    public IReadOnlyList<AreaOption> ForceAreas => forceAreas ??= queries.ForceAreas();
    public IReadOnlyList<string> CrimeTypes => crimeTypes ??= queries.CrimeTypes();

    public IReadOnlyList<(string Year, int MonthsCovered)> Years(string forceArea) =>
        years.TryGetValue(forceArea, out var found) ? found : years[forceArea] = queries.FinancialYears(forceArea);

    public IReadOnlyList<DistrictOption> Districts(string forceArea) =>
        districts.TryGetValue(forceArea, out var found) ? found : districts[forceArea] = queries.Districts(forceArea);

    /// <summary>The district with this code in any force area with data (its own page works whatever the area filter says).</summary>
    public AreaOption? AnyDistrict(string code) => queries.District(code);

    public ValidatedFilter Validate(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var problems = new List<FilterProblem>();
        var area = ChooseArea(filter.Area, problems);
        var forceAreaName = area.Name;
        var years = Years(area.Code);
        var year = years.Count > 0 ? years[0] : ("", 0);
        if (!string.IsNullOrWhiteSpace(filter.Year))
        {
            var asked = filter.Year.Trim();
            if (!YearPattern().IsMatch(asked))
                problems.Add(new("year", $"‘{asked}’ is not a financial year. Write it like {Example(years)}. Showing {Latest(year.Item1)}."));
            else if (years.FirstOrDefault(y => y.Year == asked) is { Year: not null } found)
                year = found;
            else
                problems.Add(new("year", $"There is no data for {asked} in {forceAreaName}. Showing {Latest(year.Item1)} with data."));
        }

        DistrictOption? district = null;
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            var asked = filter.District.Trim().ToUpperInvariant();
            district = Districts(area.Code).FirstOrDefault(d => d.Code == asked);
            if (district is null)
                problems.Add(new("district", $"‘{filter.District.Trim()}’ is not a district of {forceAreaName}. Showing all districts."));
        }

        string? crime = null;
        if (!string.IsNullOrWhiteSpace(filter.CrimeType))
        {
            crime = CrimeTypes.FirstOrDefault(type => string.Equals(type, filter.CrimeType.Trim(), StringComparison.OrdinalIgnoreCase));
            if (crime is null)
                problems.Add(new("crime", $"‘{filter.CrimeType.Trim()}’ is not a crime type data.police.uk publishes. Showing all crime types."));
        }

        var level = AreaLevels.District;
        if (!string.IsNullOrWhiteSpace(filter.Level))
        {
            var asked = filter.Level.Trim().ToLowerInvariant();
            if (asked is AreaLevels.District or AreaLevels.Partnership) level = asked;
            else problems.Add(new("level", $"‘{filter.Level.Trim()}’ is not a level figures are shown at: choose district or partnership. Showing districts."));
        }
        var choices = new FilterChoices(ForceAreas, years, Districts(area.Code), CrimeTypes);
        return new ValidatedFilter(area.Code, forceAreaName, area.Code == DefaultForceArea, year.Item1, year.Item2, district?.Code, district?.Name, crime, problems, choices, level);
    }

    /// <summary>The asked force area when it has data, otherwise the default (with a message when one was asked).</summary>
    private AreaOption ChooseArea(string? asked, List<FilterProblem> problems)
    {
        var fallback = ForceAreas.FirstOrDefault(a => a.Code == DefaultForceArea) ?? new AreaOption(DefaultForceArea, DefaultForceArea, DefaultForceArea);
        if (string.IsNullOrWhiteSpace(asked)) return fallback;
        var code = asked.Trim().ToUpperInvariant();
        if (ForceAreas.FirstOrDefault(a => a.Code == code) is { } found) return found;
        problems.Add(new("area", AreaCodePattern().IsMatch(code)
            ? $"No police data is loaded for the force area ‘{asked.Trim()}’. Showing {fallback.Name}."
            : $"‘{asked.Trim()}’ is not a police force area code (they look like E23000028). Showing {fallback.Name}."));
        return fallback;
    }

    private static string Latest(string year) => year.Length == 0 ? "no year (none has data)" : year + ", the latest year";

    private static string Example(IReadOnlyList<(string Year, int MonthsCovered)> years) => years.Count > 0 ? years[0].Year : "2025/26";

    [GeneratedRegex(@"^\d{4}/\d{2}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^[EW]\d{8}$")]
    private static partial Regex AreaCodePattern();
}
