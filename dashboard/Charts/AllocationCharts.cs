using System.Globalization;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>The grant the allocation page shows, or none, with a message for a grant asked for that could not be used.</summary>
public sealed record GrantChoice(GrantOption? Grant, IReadOnlyList<string> GrantNames, IReadOnlyList<FilterProblem> Problems);

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

/// <summary>How each formula, or weights chosen on the spot, would share out a grant, against what each district actually received.</summary>
public sealed class AllocationCharts(AllocationQueries queries)
{
    public IReadOnlyList<GrantOption> Grants(ValidatedFilter filter) => queries.Grants(filter.ForceArea);

    /// <summary>The grant asked for in the filter's year; a name that is not a grant of that year gets a message and the year's first grant.</summary>
    public GrantChoice Choose(ValidatedFilter filter, string? asked)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var grants = Grants(filter);
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

    public IReadOnlyList<FormulaAllocation> ByFormula(ValidatedFilter filter, GrantOption grant) =>
        queries.ByFormula(grant.GrantName, grant.FinancialYear, filter.ForceArea);

    public IReadOnlyList<WhatIfAllocation> WhatIf(ValidatedFilter filter, GrantOption grant, AllocationWeights weights) =>
        queries.WhatIf(grant.GrantName, grant.FinancialYear, filter.ForceArea, grant.GrantTotal, weights);

    public static ChartPanel FormulaChart(ValidatedFilter filter, GrantOption grant, IReadOnlyList<FormulaAllocation> rows)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(grant);
        var districts = rows.Select(r => r.DistrictName).Distinct().ToArray();
        var actual = districts.Select(d => rows.First(r => r.DistrictName == d).ActualAmount).ToArray();
        var patterns = new[] { StyleParam.PatternShape.DiagonalDescending, StyleParam.PatternShape.DiagonalAscending, StyleParam.PatternShape.HorizontalLines, StyleParam.PatternShape.Dots };
        var traces = new List<GenericChart>
        {
            Chart.Column<decimal, string, string>(actual, districts, Name: "Actually received (solid)", MarkerColor: Color.fromHex(ChartStyle.Grey)),
        };
        traces.AddRange(rows.GroupBy(r => (r.FormulaId, r.FormulaName)).Select((formula, i) =>
            Chart.Column<decimal, string, string>(districts.Select(d => formula.First(r => r.DistrictName == d).FormulaAmount).ToArray(), districts,
                Name: formula.Key.FormulaName, MarkerColor: Color.fromHex(ChartStyle.Sequence[i % ChartStyle.Sequence.Length]),
                MarkerPatternShape: patterns[i % patterns.Length])));
        var chart = Plotly.NET.CSharp.Chart.Combine(traces)
            .WithXAxisStyle<string, string, string>(TitleText: "District")
            .WithYAxisStyle<decimal, decimal, string>(TitleText: "Pounds (£) of the grant");
        return new ChartPanel("formula-amounts", $"{grant.GrantName} {grant.FinancialYear}: each formula's amounts against what was received",
            $"Each district's share of the {Format.Money(grant.GrantTotal)} grant under every formula, beside what it actually received. A gain means the formula would give the district more than it received.",
            ChartStyle.FundingSource + "; " + ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("formula", "Formula"), new("formula_amount", "Amount under the formula", ColumnFormat.MoneyExact),
                    new("actual_amount", "Actually received", ColumnFormat.MoneyExact), new("gain_or_loss", "Gain (+) or loss (−) under the formula", ColumnFormat.MoneyExact),
                    new("in_words", "In words"),
                ],
                rows.OrderBy(r => r.DistrictName, StringComparer.Ordinal).ThenBy(r => r.FormulaName, StringComparer.Ordinal)
                    .Select(r => (IReadOnlyList<object?>)[r.DistrictName, r.FormulaName, r.FormulaAmount, r.ActualAmount, r.FormulaAmount - r.ActualAmount, GainOrLoss(r.FormulaAmount - r.ActualAmount)])
                    .ToList()));
    }

    public static ChartPanel WhatIfChart(GrantOption grant, WhatIfWeights weights, IReadOnlyList<WhatIfAllocation> rows)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(weights);
        var districts = rows.Select(r => r.DistrictName).ToArray();
        var chart = Plotly.NET.CSharp.Chart.Combine(
            [
                Chart.Column<decimal, string, string>(rows.Select(r => r.ActualAmount).ToArray(), districts, Name: "Actually received (solid)", MarkerColor: Color.fromHex(ChartStyle.Grey)),
                Chart.Column<decimal, string, string>(rows.Select(r => r.FormulaAmount).ToArray(), districts, Name: "Under your weights (striped)", MarkerColor: Color.fromHex(ChartStyle.Blue),
                    MarkerPatternShape: StyleParam.PatternShape.DiagonalDescending),
            ])
            .WithXAxisStyle<string, string, string>(TitleText: "District")
            .WithYAxisStyle<decimal, decimal, string>(TitleText: "Pounds (£) of the grant");
        return new ChartPanel("what-if-amounts", $"{grant.GrantName} {grant.FinancialYear} under your weights: who gains and who loses",
            $"The whole {Format.MoneyExact(grant.GrantTotal)} shared out by {weights.Describe()}, to the penny, beside what each district actually received. Nothing is saved.",
            ChartStyle.FundingSource + "; " + ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("share", "Share of the grant", ColumnFormat.Percent), new("what_if_amount", "Under your weights", ColumnFormat.MoneyExact),
                    new("actual_amount", "Actually received", ColumnFormat.MoneyExact), new("gain_or_loss", "Gain (+) or loss (−) under your weights", ColumnFormat.MoneyExact),
                    new("in_words", "In words"),
                ],
                rows.Select(r => (IReadOnlyList<object?>)[r.DistrictName, r.FormulaShare, r.FormulaAmount, r.ActualAmount, r.FormulaAmount - r.ActualAmount, GainOrLoss(r.FormulaAmount - r.ActualAmount)])
                    .ToList()));
    }

    /// <summary>A change in words, so that gains and losses never rest on colour or a minus sign alone.</summary>
    public static string GainOrLoss(decimal change) => change switch
    {
        > 0 => "gains " + Format.MoneyExact(change),
        < 0 => "loses " + Format.MoneyExact(-change),
        _ => "no change",
    };

    /// <summary>A signed amount: +£1.00, −£1.00, £0.00.</summary>
    public static string WithSign(decimal change) => (change > 0 ? "+" : "") + Format.MoneyExact(change);
}
