using System.Globalization;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Filters;

/// <summary>What-if weights as typed, and either the checked weights or the problems with them.</summary>
public sealed record WhatIfWeights(string Fixed, string Crime, string Population, string CrimeRate, AllocationWeights? Weights, IReadOnlyList<FilterProblem> Problems)
{
    public const double Maximum = 100;
    public static readonly AllocationWeights Defaults = new(20, 50, 30, 0);

    /// <summary>The form's four fields: query-string name, label, and a hint.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> Fields =
    [
        ("fixed_weight", "Fixed share (split equally between districts)"),
        ("crime_weight", "Recorded crime (share of the crimes)"),
        ("population_weight", "Population (share of the residents)"),
        ("rate_weight", "Crime rate (share of crimes per 1,000 residents)"),
    ];

    /// <summary>Checks weights from the query string; a missing one takes its default.</summary>
    public static WhatIfWeights Parse(string? fixedShare, string? crime, string? population, string? crimeRate)
    {
        var problems = new List<FilterProblem>();
        var values = new[] { (fixedShare, Defaults.Fixed), (crime, Defaults.Crime), (population, Defaults.Population), (crimeRate, Defaults.CrimeRate) }
            .Select((field, i) => Check(Fields[i].Name, Fields[i].Label, field.Item1, field.Item2, problems)).ToArray();
        var texts = values.Select(v => v.Text).ToArray();
        if (problems.Count == 0 && values.All(v => v.Value == 0))
            problems.Add(new(Fields[0].Name, "At least one weight must be more than 0: with every weight at 0 there is nothing to share the grant by."));
        var weights = problems.Count == 0 ? new AllocationWeights(values[0].Value!.Value, values[1].Value!.Value, values[2].Value!.Value, values[3].Value!.Value) : null;
        return new WhatIfWeights(texts[0], texts[1], texts[2], texts[3], weights, problems);
    }

    private static (string Text, double? Value) Check(string name, string label, string? asked, double fallback, List<FilterProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(asked)) return (fallback.ToString(CultureInfo.InvariantCulture), fallback);
        var text = asked.Trim();
        var what = label.Split(" (")[0].ToLowerInvariant();
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            problems.Add(new(name, $"The {what} weight must be a number from 0 to 100, like 25. ‘{text}’ is not a number."));
        else if (value < 0)
            problems.Add(new(name, $"The {what} weight must not be negative. Enter a number from 0 to 100."));
        else if (value > Maximum)
            problems.Add(new(name, $"The {what} weight must be 100 or less."));
        else
            return (text, value);
        return (text, null);
    }

    public string Text(string field) => field switch
    {
        "fixed_weight" => Fixed,
        "crime_weight" => Crime,
        "population_weight" => Population,
        _ => CrimeRate,
    };

    /// <summary>The weights as percentages of their sum, for saying what they mean.</summary>
    public string Describe()
    {
        if (Weights is not { } w) return "";
        var sum = w.Fixed + w.Crime + w.Population + w.CrimeRate;
        return string.Join(", ", new[] { (w.Fixed, "fixed share"), (w.Crime, "crime"), (w.Population, "population"), (w.CrimeRate, "crime rate") }
            .Where(p => p.Item1 > 0).Select(p => Format.Percent(p.Item1 / sum) + " " + p.Item2));
    }
}
