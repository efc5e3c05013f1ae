using System.Text.RegularExpressions;
using Analytics.Dashboard.Hosting;
using Analytics.Warehouse.Queries;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Filters;

/// <summary>Checks a page's filters against what the warehouse holds; a bad value gets a message and the default.</summary>
public sealed partial class FilterOptions(FilterQueries queries, IOptions<WarehouseOptions> options)
{
    public string ForceArea => options.Value.DefaultForceArea;
    public IReadOnlyList<(string Year, int MonthsCovered)> Years => queries.FinancialYears(ForceArea);
    public IReadOnlyList<DistrictOption> Districts => queries.Districts(ForceArea);
    public IReadOnlyList<string> CrimeTypes => queries.CrimeTypes();

    public ValidatedFilter Validate(DashboardFilter filter)
    {
        var problems = new List<FilterProblem>();
        var forceAreaName = queries.ForceAreaName(ForceArea);
        var years = Years;
        var year = years.Count > 0 ? years[0] : ("", 0);
        if (!string.IsNullOrWhiteSpace(filter.Year))
        {
            var asked = filter.Year.Trim();
            if (!YearPattern().IsMatch(asked))
                problems.Add(new("year", $"‘{asked}’ is not a financial year. Write it like {Example(years)}. Showing {year.Item1}, the latest year."));
            else if (years.FirstOrDefault(y => y.Year == asked) is { Year: not null } found)
                year = found;
            else
                problems.Add(new("year", $"There is no data for {asked}. Showing {year.Item1}, the latest year with data."));
        }

        DistrictOption? district = null;
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            var asked = filter.District.Trim().ToUpperInvariant();
            district = Districts.FirstOrDefault(d => d.Code == asked);
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
        return new ValidatedFilter(ForceArea, forceAreaName, year.Item1, year.Item2, district?.Code, district?.Name, crime, problems);
    }

    private static string Example(IReadOnlyList<(string Year, int MonthsCovered)> years) => years.Count > 0 ? years[0].Year : "2025/26";

    [GeneratedRegex(@"^\d{4}/\d{2}$")]
    private static partial Regex YearPattern();
}
