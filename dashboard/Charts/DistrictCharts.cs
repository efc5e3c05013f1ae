using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>One district on one page: its crime by month and type, its rate against the force area, its spend and its plan measures.</summary>
public static class DistrictCharts
{
    public static IReadOnlyList<ChartPanel> Build(
        string code, string name, ValidatedFilter filter, IReadOnlyList<CrimeMonthRow> months, IReadOnlyList<CrimeTypeRow> types,
        IReadOnlyList<DistrictRateRow> rates, DistrictRateRow? area, IReadOnlyList<DistrictSpendRow> spend) =>
        [CrimeCharts.IncidentsByMonth(months, name, filter.Year), CrimeCharts.IncidentsByType(types, name, filter), Rate(code, name, filter, rates, area), Spend(name, filter, spend)];

    private static ChartPanel Rate(string code, string name, ValidatedFilter filter, IReadOnlyList<DistrictRateRow> rates, DistrictRateRow? area)
    {
        var shown = rates.Where(r => r.Rate is not null).Reverse().ToArray();
        string Label(DistrictRateRow r) => r.DistrictCode == code ? r.DistrictName + " (this district)" : r.DistrictName;
        GenericChart Points(IEnumerable<DistrictRateRow> rows, string series, string colour, StyleParam.MarkerSymbol symbol)
        {
            var list = rows.ToArray();
            var points = Chart.Point<double, string, string>(list.Select(r => r.Rate!.Value).ToArray(), list.Select(Label).ToArray(),
                Name: series, MarkerColor: Color.fromHex(colour), MarkerSymbol: symbol);
            var interval = PlotlyObject.With(("type", "data"), ("symmetric", false), ("color", colour),
                ("array", list.Select(r => (r.RateHigh ?? r.Rate!.Value) - r.Rate!.Value).ToArray()),
                ("arrayminus", list.Select(r => r.Rate!.Value - (r.RateLow ?? r.Rate!.Value)).ToArray()));
            return GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(trace => { trace.SetProperty("error_x", interval); return trace; }), points);
        }
        var chart = Chart.Combine(
            [
                Points(shown.Where(r => r.DistrictCode != code), "Other districts", ChartStyle.Grey, StyleParam.MarkerSymbol.Circle),
                Points(shown.Where(r => r.DistrictCode == code), name, ChartStyle.Blue, StyleParam.MarkerSymbol.Diamond),
            ])
            .WithXAxisStyle<double, double, string>(TitleText: "Recorded crimes per 1,000 residents a year (95% interval)")
            .WithYAxisStyle<string, string, string>(TitleText: "District");
        var layout = PlotlyObject.With<Layout>(("margin", PlotlyObject.With(("l", 230), ("r", 20), ("t", 30), ("b", 60))));
        if (area?.Rate is { } average)
            layout.SetProperty("shapes", new[] { PlotlyObject.With(("type", "line"), ("xref", "x"), ("yref", "paper"), ("x0", average), ("x1", average), ("y0", 0), ("y1", 1), ("line", PlotlyObject.With(("color", ChartStyle.Orange), ("dash", "dash"), ("width", 2)))) });
        if (area?.Rate is { } rate)
            layout.SetProperty("annotations", new[] { PlotlyObject.With(("xref", "x"), ("yref", "paper"), ("x", rate), ("y", 1), ("yanchor", "bottom"), ("showarrow", false), ("text", $"{filter.ForceAreaName}: {Formatting.Format.Rate(rate)}")) });
        chart = Plotly.NET.Chart.withLayout(layout).Invoke(chart);
        return new ChartPanel("crime-rate", $"Recorded crime per 1,000 residents, {name} against {filter.ForceAreaName}, {filter.Year}",
            $"Each district's recorded crime per 1,000 residents a year with its 95% interval (the bar either side); {name} is the diamond and the dashed line is the force area as a whole ({Formatting.Format.Rate(area?.Rate)}). Where intervals overlap, the difference may be chance. A district counts its own force's records located in it; the force area counts every record its force published, so its districts add up to less (records with no location, or placed outside the area).",
            ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource, chart,
            new DataTable(
                [new("district", "District"), new("recorded_crimes", "Recorded crimes", ColumnFormat.Count), new("residents", "Residents", ColumnFormat.Count),
                 new("rate_per_1000", "Per 1,000 residents a year", ColumnFormat.Rate), new("interval_low", "95% interval from", ColumnFormat.Rate), new("interval_high", "95% interval to", ColumnFormat.Rate)],
                rates.Select(r => (IReadOnlyList<object?>)[Label(r), r.RecordedCrimes, r.Population, r.Rate, r.RateLow, r.RateHigh])
                    .Append([filter.ForceAreaName + " (force area)", area?.RecordedCrimes, area?.Population, area?.Rate, area?.RateLow, area?.RateHigh]).ToList()));
    }

    private static ChartPanel Spend(string name, ValidatedFilter filter, IReadOnlyList<DistrictSpendRow> spend)
    {
        var streams = spend.GroupBy(s => s.FundingStream)
            .Select(g => (Stream: g.Key, Allocated: g.Sum(s => s.Allocated), Spent: g.Any(s => s.Spent is not null) ? g.Sum(s => s.Spent ?? 0) : (decimal?)null))
            .OrderBy(s => s.Allocated).ToArray();
        var chart = Chart.Combine(
            [
                Chart.Bar<decimal, string, string>(streams.Select(s => s.Allocated).ToArray(), streams.Select(s => s.Stream).ToArray(), Name: "Allocated", MarkerColor: Color.fromHex(ChartStyle.Blue)),
                Chart.Bar<decimal, string, string>(streams.Select(s => s.Spent ?? 0).ToArray(), streams.Select(s => s.Stream).ToArray(), Name: "Spent", MarkerColor: Color.fromHex(ChartStyle.Green), MarkerPatternShape: StyleParam.PatternShape.DiagonalDescending),
            ])
            .WithXAxisStyle<decimal, decimal, string>(TitleText: "Pounds (£)")
            .WithYAxisStyle<string, string, string>(TitleText: "Funding stream");
        chart = Plotly.NET.Chart.withLayout(PlotlyObject.With<Layout>(("margin", PlotlyObject.With(("l", 330), ("r", 20), ("t", 30), ("b", 60))), ("barmode", "group"))).Invoke(chart);
        return new ChartPanel("spend-by-stream", $"Money for {name} by funding stream, {filter.Year}",
            "Money allocated to the district and spent so far, by funding stream. A line that served several districts is shared by population; figures marked illustrative were never published.",
            ChartStyle.FundingSource, chart,
            new DataTable(
                [new("funding_stream", "Funding stream"), new("funder", "Funder"), new("source", "Source"), new("allocated", "Allocated", ColumnFormat.Money), new("spent", "Spent", ColumnFormat.Money)],
                spend.Select(s => (IReadOnlyList<object?>)[s.FundingStream, s.Funder, s.Source, s.Allocated, s.Spent]).ToList()));
    }
}
