using System.Globalization;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>How each formula, or weights chosen on the spot, would share out a grant, against what each district actually received.</summary>
public static class AllocationCharts
{
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
