using System.Globalization;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Html;
using Plotly.NET.CSharp;

namespace Analytics.Dashboard.Charts;

/// <summary>The plan outcomes page's chart: one measure's trend by month, from the rows its reader passes in.</summary>
public static class OutcomesCharts
{
    public const string TrendPrefix = "trend-";

    /// <summary>
    /// The trend chart of one measure: its value each month for the force area and the chosen district, beside the
    /// same month a year earlier (dotted) where that month is loaded, so a season is compared with the same season.
    /// </summary>
    public static ChartPanel Trend(ValidatedFilter filter, MeasureOption measure, IReadOnlyList<MonthValue> rows)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(measure);
        var areas = rows.Select(row => row.AreaName).Distinct().ToList();
        var traces = new List<Plotly.NET.GenericChart>();
        for (var i = 0; i < areas.Count; i++)
        {
            var area = rows.Where(row => row.AreaName == areas[i] && row.Value is not null).ToList();
            var colour = Plotly.NET.Color.fromHex(i == 0 ? ChartStyle.Blue : ChartStyle.Orange);
            // Areas differ by marker shape and line style as well as colour; a year earlier is dotted.
            traces.Add(Chart.Line<string, double, string>(area.Select(row => MonthLabel(row.Month)).ToArray(),
                area.Select(row => MeasureUnits.ChartValue(measure.Metric, row.Value)!.Value).ToArray(),
                Name: areas[i], ShowMarkers: true, LineColor: colour, MarkerColor: colour,
                MarkerSymbol: i == 0 ? Plotly.NET.StyleParam.MarkerSymbol.Circle : Plotly.NET.StyleParam.MarkerSymbol.Square,
                LineDash: i == 0 ? Plotly.NET.StyleParam.DrawingStyle.Solid : Plotly.NET.StyleParam.DrawingStyle.Dash));
            var earlier = area.Where(row => row.YearEarlierValue is not null).ToList();
            if (earlier.Count > 0)
                traces.Add(Chart.Line<string, double, string>(earlier.Select(row => MonthLabel(row.Month)).ToArray(),
                    earlier.Select(row => MeasureUnits.ChartValue(measure.Metric, row.YearEarlierValue)!.Value).ToArray(),
                    Name: areas[i] + ", same month a year earlier", ShowMarkers: true, LineColor: colour, MarkerColor: colour,
                    MarkerSymbol: Plotly.NET.StyleParam.MarkerSymbol.Diamond, LineDash: Plotly.NET.StyleParam.DrawingStyle.Dot));
        }
        var chart = Chart.Combine(traces)
            .WithXAxisStyle<string, string, string>(TitleText: "Month")
            .WithYAxisStyle<double, double, string>(TitleText: MeasureUnits.AxisTitle(measure.Metric));
        var place = filter.DistrictName is null ? filter.ForceAreaName : $"{filter.DistrictName} and {filter.ForceAreaName}";
        return new ChartPanel(TrendPrefix + measure.MeasureId, $"{measure.MeasureTitle} by month, {place}",
            "The measure in each month with data, and beside it the same month a year earlier (dotted line) where that month is loaded: "
            + "a month compared with the same month a year before is not misled by the season. Counts are per month and rates per year.",
            measure.Metric == "rate_per_1000" ? ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource : ChartStyle.PoliceSource,
            chart,
            new DataTable(
                [new("month", "Month", ColumnFormat.Month), new("area", "Area"), new("value", MeasureUnits.ColumnHeading(measure.Metric), ColumnFormat.Rate),
                 new("year_earlier", "Same month a year earlier", ColumnFormat.Rate)],
                rows.Select(row => (IReadOnlyList<object?>)[row.Month, row.AreaName, MeasureUnits.ChartValue(measure.Metric, row.Value),
                    MeasureUnits.ChartValue(measure.Metric, row.YearEarlierValue)]).ToList()));
    }

    private static string MonthLabel(DateTime month) => month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
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

    /// <summary>The aim in plain words: a direction against the period compared with, or a numeric target.</summary>
    public static string Aim(MeasureResult result) => result.TargetKind switch
    {
        "numeric" => "Target: " + Value(result.Metric, result.TargetValue) + (result.Metric == "positive_outcome_rate" ? " or more" : " or less"),
        _ => result.Direction switch
        {
            "reduce" => "Aim: lower than the period compared with",
            "increase" => "Aim: higher than the period compared with",
            "maintain" => "Aim: no worse than the period compared with",
            var other => "Aim: " + other,
        },
    };

    /// <summary>The value a measure is compared with, or a dash when there is no comparable period.</summary>
    public static string ComparisonValue(MeasureResult result) => result.ComparisonKind == "none" ? "–" : Value(result.Metric, result.ComparisonValue);

    /// <summary>Which months a measure is compared with, and why those: the same months a year earlier, or the plan's baseline.</summary>
    public static string ComparedWith(MeasureResult result) => result.ComparisonKind switch
    {
        "year earlier" => $"{result.ComparisonPeriod}, the same months a year earlier",
        "baseline" => $"{result.BaselinePeriod} ({result.ComparisonPeriod}), the plan's baseline",
        _ => "no comparable period",
    };

    public static string Change(double? changePercent) => changePercent switch
    {
        null => "–",
        > 0 => "up " + changePercent.Value.ToString("N1", CultureInfo.InvariantCulture) + "%",
        < 0 => "down " + Math.Abs(changePercent.Value).ToString("N1", CultureInfo.InvariantCulture) + "%",
        _ => "no change",
    };
}

/// <summary>A plan status as a tag: the word always, with a symbol and a colour (marts.plan_statuses) that only repeat it.</summary>
public static class StatusTag
{
    public static IHtmlContent For(StatusLook look)
    {
        static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
        return new HtmlString($"<strong class=\"tag tag--{Encode(look.Colour)}\"><span class=\"status-icon\" aria-hidden=\"true\">{Encode(look.Symbol)}</span>{Encode(look.Status)}</strong>");
    }
}
