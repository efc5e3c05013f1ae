using System.Globalization;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Html;
using Plotly.NET.CSharp;

namespace Analytics.Dashboard.Charts;

/// <summary>The plan outcomes page: every measure's result for an area and year, and one measure's trend by quarter.</summary>
public sealed class OutcomesCharts(OutcomesQueries queries)
{
    public const string TrendPrefix = "trend-";

    /// <summary>The measures for the chosen district, or for the whole force area when none is chosen.</summary>
    public IReadOnlyList<MeasureResult> Results(ValidatedFilter filter) => queries.Measures(filter.District ?? filter.ForceArea, filter.Year);

    public IReadOnlyList<MeasureOption> MeasureOptions(ValidatedFilter filter) => queries.MeasureOptions(filter.ForceArea);

    /// <summary>The trend chart of one measure: its quarterly value and baseline for the force area and the chosen district.</summary>
    public ChartPanel Trend(ValidatedFilter filter, MeasureOption measure)
    {
        var rows = queries.Quarters(measure.MeasureId, filter.ForceArea, filter.District);
        var areas = rows.Select(row => row.AreaName).Distinct().ToList();
        var traces = new List<Plotly.NET.GenericChart>();
        for (var i = 0; i < areas.Count; i++)
        {
            var area = rows.Where(row => row.AreaName == areas[i] && row.Value is not null).ToList();
            var colour = Plotly.NET.Color.fromHex(i == 0 ? ChartStyle.Blue : ChartStyle.Orange);
            var quarters = area.Select(row => row.Period).ToArray();
            // Areas differ by marker shape and line style as well as colour; baselines are dotted.
            traces.Add(Chart.Line<string, double, string>(quarters, area.Select(row => MeasureUnits.ChartValue(measure.Metric, row.Value)!.Value).ToArray(),
                Name: areas[i], ShowMarkers: true, LineColor: colour, MarkerColor: colour,
                MarkerSymbol: i == 0 ? Plotly.NET.StyleParam.MarkerSymbol.Circle : Plotly.NET.StyleParam.MarkerSymbol.Square,
                LineDash: i == 0 ? Plotly.NET.StyleParam.DrawingStyle.Solid : Plotly.NET.StyleParam.DrawingStyle.Dash));
            var baseline = area.Where(row => row.BaselineValue is not null).ToList();
            if (baseline.Count > 0)
                traces.Add(Chart.Line<string, double, string>(baseline.Select(row => row.Period).ToArray(),
                    baseline.Select(row => MeasureUnits.ChartValue(measure.Metric, row.BaselineValue)!.Value).ToArray(),
                    Name: areas[i] + " baseline", ShowMarkers: false, LineColor: colour, LineDash: Plotly.NET.StyleParam.DrawingStyle.Dot));
        }
        var chart = Chart.Combine(traces)
            .WithXAxisStyle<string, string, string>(TitleText: "Financial quarter")
            .WithYAxisStyle<double, double, string>(TitleText: MeasureUnits.AxisTitle(measure.Metric));
        var place = filter.DistrictName is null ? filter.ForceAreaName : $"{filter.DistrictName} and {filter.ForceAreaName}";
        return new ChartPanel(TrendPrefix + measure.MeasureId, $"{measure.MeasureTitle} by quarter, {place}",
            "The measure in each financial quarter with data, and the baseline it is judged against (dotted line). Quarters are not scaled: "
            + "counts are per month and rates per year, so quarters and years compare directly.",
            measure.Metric == "rate_per_1000" ? ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource : ChartStyle.PoliceSource,
            chart,
            new DataTable(
                [new("quarter", "Quarter"), new("area", "Area"), new("value", MeasureUnits.ColumnHeading(measure.Metric), ColumnFormat.Rate),
                 new("baseline", "Baseline", ColumnFormat.Rate)],
                rows.Select(row => (IReadOnlyList<object?>)[row.Period, row.AreaName, MeasureUnits.ChartValue(measure.Metric, row.Value), MeasureUnits.ChartValue(measure.Metric, row.BaselineValue)]).ToList()));
    }
}

/// <summary>How each kind of plan measure is written: counts a month, rates per 1,000 residents, outcome rates as percentages.</summary>
public static class MeasureUnits
{
    public static string Value(string metric, double? value) => value is null ? "no data" : metric switch
    {
        "incidents" => Format.Rate(value) + " a month",
        "rate_per_1000" => Format.Rate(value) + " per 1,000 residents a year",
        "positive_outcome_rate" => Format.Percent(value),
        _ => Format.Rate(value),
    };

    /// <summary>What the chart plots: outcome rates as per cent (two decimal places), everything else as it is.</summary>
    public static double? ChartValue(string metric, double? value) =>
        value is null ? null : metric == "positive_outcome_rate" ? Math.Round(value.Value * 100, 2) : value;

    public static string AxisTitle(string metric) => metric switch
    {
        "incidents" => "Incidents a month",
        "rate_per_1000" => "Per 1,000 residents a year",
        "positive_outcome_rate" => "Crimes with a positive outcome (%)",
        _ => "Value",
    };

    public static string ColumnHeading(string metric) => metric switch
    {
        "incidents" => "Incidents a month",
        "rate_per_1000" => "Per 1,000 residents a year",
        "positive_outcome_rate" => "Positive outcome rate (%)",
        _ => "Value",
    };

    /// <summary>The aim in plain words: a direction against the baseline, or a numeric target.</summary>
    public static string Aim(MeasureResult result) => result.TargetKind switch
    {
        "numeric" => "Target: " + Value(result.Metric, result.TargetValue) + (result.Metric == "positive_outcome_rate" ? " or more" : " or less"),
        _ => result.Direction switch
        {
            "reduce" => "Aim: lower than the baseline",
            "increase" => "Aim: higher than the baseline",
            "maintain" => "Aim: no worse than the baseline",
            var other => "Aim: " + other,
        },
    };

    public static string Change(double? changePercent) => changePercent switch
    {
        null => "–",
        > 0 => "up " + changePercent.Value.ToString("N1", CultureInfo.InvariantCulture) + "%",
        < 0 => "down " + Math.Abs(changePercent.Value).ToString("N1", CultureInfo.InvariantCulture) + "%",
        _ => "no change",
    };
}

/// <summary>A plan status as a tag: the word always, with a symbol and a colour that only repeat it.</summary>
public static class StatusTag
{
    public static IHtmlContent For(string status)
    {
        var modifier = status switch { "on track" => "green", "at risk" => "amber", "off track" => "red", _ => "grey" };
        var symbol = Symbol(status);
        var word = System.Net.WebUtility.HtmlEncode(status);
        return new HtmlString($"<strong class=\"tag tag--{modifier}\"><span class=\"status-icon\" aria-hidden=\"true\">{symbol}</span>{word}</strong>");
    }

    public static string Symbol(string status) => status switch { "on track" => "✓", "at risk" => "▲", "off track" => "✕", _ => "–" };
}
