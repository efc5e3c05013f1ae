using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Filters;

/// <summary>The grant the allocation page shows, or none, with a message for a grant asked for that could not be used.</summary>
public sealed record GrantChoice(GrantOption? Grant, IReadOnlyList<string> GrantNames, IReadOnlyList<FilterProblem> Problems)
{
    /// <summary>The grant asked for in the filter's year; a name that is not a grant of that year gets a message and the year's first grant.</summary>
    public static GrantChoice Choose(ValidatedFilter filter, IReadOnlyList<GrantOption> grants, string? asked)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(grants);
        var names = grants.Select(g => g.GrantName).Distinct().Order(StringComparer.Ordinal).ToList();
        var inYear = grants.Where(g => g.FinancialYear == filter.Year).OrderBy(g => g.GrantName, StringComparer.Ordinal).ToList();
        var problems = new List<FilterProblem>();
        var fallback = inYear.FirstOrDefault();
        // No funding returns at all for the area: the page says so in words, which is no fault of the choice.
        if (grants.Count == 0) return new GrantChoice(null, names, problems);
        if (fallback is null)
        {
            problems.Add(new("grant", $"No grant in {filter.Year} is shared out between districts. Choose another year."));
            return new GrantChoice(null, names, problems);
        }
        if (string.IsNullOrWhiteSpace(asked)) return new GrantChoice(fallback, names, problems);
        var name = asked.Trim();
        var found = inYear.FirstOrDefault(g => string.Equals(g.GrantName, name, StringComparison.OrdinalIgnoreCase));
        if (found is not null) return new GrantChoice(found, names, problems);
        var years = grants.Where(g => string.Equals(g.GrantName, name, StringComparison.OrdinalIgnoreCase)).Select(g => g.FinancialYear).ToList();
        problems.Add(new("grant", years.Count > 0
            ? $"‘{name}’ was not shared out in {filter.Year} (it was in {string.Join(" and ", years)}). Showing {fallback.GrantName}."
            : $"‘{name}’ is not a grant shared out between districts. Showing {fallback.GrantName}."));
        return new GrantChoice(fallback, names, problems);
    }
}
