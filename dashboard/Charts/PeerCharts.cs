using Analytics.Warehouse.Queries;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>
/// The peers page's charts: "ski slopes", every area's bar ranked highest first with its 95% interval, the chosen
/// area orange, hatched and named "(chosen)" so that colour is never the only cue. A pure function of one
/// <see cref="PeerComparison"/>: nothing here reads the warehouse.
/// </summary>
public static class PeerCharts
{
    public const string Yes = "Yes";
    public const string No = "No";

    /// <summary>One measure the page ranks areas on; Scale turns a proportion into the percentage the chart shows.</summary>
    private sealed record Measure(
        string Key, string Title, string Axis, string Explanation, ColumnFormat Format, string CountName, string CountHeading, ColumnFormat CountFormat,
        Func<PeerFigures, object?> Count, Func<PeerFigures, double?> Value, Func<PeerFigures, double?>? Low, Func<PeerFigures, double?>? High,
        string Missing, string Source, double Scale = 1, bool ScaledToYear = true);

    /// <summary>A row of a ranked chart's table: an area with its figure, or without one and the reason.</summary>
    private sealed record Ranked(PeerFigures? Figures, string Name, bool IsChosen, int? NeighbourRank, string? Note);

    public static IReadOnlyList<ChartPanel> Build(PeerComparison data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var panels = Measures(data.CrimeType, data.ForceAreas).Select(measure => ForceAreaPanel(data, measure)).ToList();
        if (data.District is { } district)
            panels.AddRange(Measures(data.CrimeType, data.DistrictComparison).Select(measure => DistrictPanel(data, district, measure)));
        return panels;
    }

    /// <summary>Every district of the force area with its nearest neighbours, one row a neighbour: the page's table and its CSV.</summary>
    public static DataTable Neighbours(PeerComparison data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var district in data.Districts)
        {
            var neighbours = data.NeighboursOf(district.Code).ToList();
            if (neighbours.Count == 0)
                rows.Add([district.Name, district.Code, null, "None published (the ONS nearest neighbours cover England only)", null, null, null, null]);
            rows.AddRange(neighbours.Select(n => (IReadOnlyList<object?>)
                [district.Name, district.Code, n.PeerRank, n.PeerName, n.PeerCode, n.PeerForceAreaCode, n.RelativeDistance, n.HasCrimeData ? Yes : No]));
        }
        return new DataTable(
            [
                new("district", "District"), new("district_code", "District code"), new("neighbour_rank", "Neighbour rank (1 = nearest)", ColumnFormat.Count),
                new("neighbour", "Nearest neighbour"), new("neighbour_code", "Neighbour code"), new("neighbour_force_area_code", "Neighbour's force area code"),
                new("relative_distance", "Relative distance (ONS)", ColumnFormat.Number), new("police_data_loaded", "Police data loaded"),
            ],
            rows);
    }

    private static IEnumerable<Measure> Measures(string? crimeType, IReadOnlyList<PeerFigures> areas)
    {
        yield return new("recorded-crime", "Recorded crime per 1,000 residents", "Recorded crimes per 1,000 residents a year",
            "every crime type data.police.uk publishes except anti-social behaviour", ColumnFormat.Rate, "recorded_crimes", "Recorded crimes in the months loaded", ColumnFormat.Count,
            a => a.RecordedCrimes, a => a.RecordedCrimesPer1000, a => a.RecordedCrimesPer1000CiLow, a => a.RecordedCrimesPer1000CiHigh,
            "No residents estimate", ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource);
        // Anti-social behaviour chosen as the crime type has its own chart already.
        if (crimeType is not null && areas.Any(a => a.CrimeTypeIsRecordedCrime == true))
            yield return new("crime-type", $"{crimeType} per 1,000 residents", $"{crimeType} per 1,000 residents a year",
                $"the crime type {crimeType} alone", ColumnFormat.Rate, "incidents", $"{crimeType} in the months loaded", ColumnFormat.Count,
                a => a.CrimeTypeIncidents, a => a.CrimeTypePer1000, a => a.CrimeTypePer1000CiLow, a => a.CrimeTypePer1000CiHigh,
                "No residents estimate", ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource);
        yield return new("anti-social-behaviour", "Anti-social behaviour per 1,000 residents", "Anti-social behaviour incidents per 1,000 residents a year",
            "incidents of anti-social behaviour reported to the police (not recorded crime)", ColumnFormat.Rate, "incidents", "Incidents in the months loaded", ColumnFormat.Count,
            a => a.AntiSocialBehaviour, a => a.AntiSocialBehaviourPer1000, a => a.AntiSocialBehaviourPer1000CiLow, a => a.AntiSocialBehaviourPer1000CiHigh,
            "No residents estimate", ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource);
        yield return new("positive-outcome-rate", "Positive outcome rate", "Recorded crimes with a positive outcome (%)",
            "the share of recorded crimes that ended in a charge or summons, a caution, a penalty notice, a drugs warning or a community resolution",
            ColumnFormat.Percent, "positive_outcomes", "Positive outcomes in the months loaded", ColumnFormat.Count,
            a => a.PositiveOutcomes, a => a.PositiveOutcomeRate, a => a.PositiveOutcomeRateCiLow, a => a.PositiveOutcomeRateCiHigh,
            "No recorded crimes", ChartStyle.PoliceSource, Scale: 100, ScaledToYear: false);
        if (areas.Any(a => a.HasSpend))
            yield return new("spend", "Spend per 1,000 residents", "Pounds (£) spent per 1,000 residents",
                "money spent in the year from the funding returns loaded, per 1,000 residents (no interval: it is not a count of events)",
                ColumnFormat.Money, "spent", "Spent in the year", ColumnFormat.Money,
                a => a.Spent, a => a.SpendPer1000, null, null, "No funding returns loaded", ChartStyle.FundingSource + "; " + ChartStyle.PopulationSource,
                ScaledToYear: false);
    }

    private static ChartPanel ForceAreaPanel(PeerComparison data, Measure measure)
    {
        var withFigures = data.ForceAreas.Select(a => new Ranked(a, a.AreaName, a.AreaCode == data.ForceArea, null, null));
        var shown = data.ForceAreas.Select(a => a.AreaCode).ToHashSet();
        var withoutFigures = data.ForceAreaPeers.Where(p => p.HasCrimeData && !shown.Contains(p.PeerCode))
            .Select(p => new Ranked(null, p.PeerName, false, null, $"No police data for {data.Year}"));
        var rows = Order(withFigures, measure).Concat(withoutFigures).ToList();
        return Panel($"force-areas-{measure.Key}", $"{measure.Title}, {data.ForceAreaName} beside every force area loaded, {data.Year}",
            $"Every police force area with data loaded, highest first, on {measure.Explanation}. {data.ForceAreaName} is the orange, hatched bar marked (chosen){(rows.Any(r => r.Note is not null) ? "; force areas without this figure are listed in the table, saying why" : "")}. {Intervals(measure)}{Months(rows, measure)}",
            measure, rows, "Police force area", "Other force areas", includeNeighbourRank: false);
    }

    private static ChartPanel DistrictPanel(PeerComparison data, PeerDistrict district, Measure measure)
    {
        var neighbours = data.NeighboursOf(district.Code).ToList();
        var rank = neighbours.ToDictionary(n => n.PeerCode, n => n.PeerRank);
        var withFigures = data.DistrictComparison.Select(a => new Ranked(a, a.AreaName, a.AreaCode == district.Code,
            rank.TryGetValue(a.AreaCode, out var r) ? r : null, null));
        var shown = data.DistrictComparison.Select(a => a.AreaCode).ToHashSet();
        var withoutFigures = neighbours.Where(n => !shown.Contains(n.PeerCode))
            .Select(n => new Ranked(null, n.PeerName, false, n.PeerRank, n.HasCrimeData ? $"No police data for {data.Year}" : "No police data loaded"));
        var rows = Order(withFigures, measure).Concat(withoutFigures).ToList();
        return Panel($"district-peers-{measure.Key}", $"{measure.Title}, {district.Name} beside its nearest neighbours, {data.Year}",
            $"{district.Name} and those of its ten ONS nearest neighbours with data loaded, highest first, on {measure.Explanation}. {district.Name} is the orange, hatched bar marked (chosen); neighbours with no data are listed in the table. {Intervals(measure)}{Months(rows, measure)}",
            measure, rows, "District", "Nearest neighbours", includeNeighbourRank: true);
    }

    /// <summary>Areas with the figure, highest first (name breaks ties), then those without it, saying why.</summary>
    private static IEnumerable<Ranked> Order(IEnumerable<Ranked> rows, Measure measure)
    {
        var list = rows.ToList();
        return list.Where(r => measure.Value(r.Figures!) is not null).OrderByDescending(r => measure.Value(r.Figures!)).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Concat(list.Where(r => measure.Value(r.Figures!) is null).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r with { Note = measure.Missing }));
    }

    private static ChartPanel Panel(string id, string title, string summary, Measure measure, IReadOnlyList<Ranked> rows, string areaHeading, string others, bool includeNeighbourRank)
    {
        var columns = new List<TableColumn> { new("area", areaHeading), new("chosen_area", "Chosen area") };
        if (includeNeighbourRank) columns.Add(new("neighbour_rank", "Neighbour rank (1 = nearest)", ColumnFormat.Count));
        columns.AddRange([
            new("rank", "Rank (1 = highest)", ColumnFormat.Count), new("months_covered", "Months of data", ColumnFormat.Count),
            new(measure.CountName, measure.CountHeading, measure.CountFormat), new("residents", "Residents", ColumnFormat.Count),
            new("value", measure.Axis, measure.Format),
        ]);
        if (measure.Low is not null) columns.AddRange([new("ci_low", "95% interval from", measure.Format), new("ci_high", "95% interval to", measure.Format)]);
        columns.Add(new("note", "Note"));

        var ranked = 0;
        var table = rows.Select(row =>
        {
            var a = row.Figures;
            var value = a is null ? null : measure.Value(a);
            var cells = new List<object?> { row.Name, row.IsChosen ? Yes : No };
            if (includeNeighbourRank) cells.Add(row.NeighbourRank);
            cells.AddRange([value is null ? null : ++ranked, a?.MonthsCovered, a is null ? null : measure.Count(a), a?.Population, value]);
            if (measure.Low is not null) cells.AddRange([a is null ? null : measure.Low(a), a is null ? null : measure.High!(a)]);
            cells.Add(row.Note);
            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new ChartPanel(id, title, summary, measure.Source + (measure.ScaledToYear ? "; rates scaled to a year" : ""),
            Bars(rows.Where(r => r.Figures is not null && measure.Value(r.Figures) is not null).ToList(), measure, areaHeading, others), new DataTable(columns, table));
    }

    /// <summary>The ski slope: one trace for the other areas and one for the chosen area, on one category axis in rank order.</summary>
    private static GenericChart Bars(IReadOnlyList<Ranked> shown, Measure measure, string areaHeading, string othersName)
    {
        static string Key(Ranked r) => r.IsChosen ? r.Name + " (chosen)" : r.Name;
        GenericChart Trace(IReadOnlyList<Ranked> rows, string name, string colour, bool hatched)
        {
            var values = rows.Select(r => measure.Value(r.Figures!)!.Value * measure.Scale).ToArray();
            // Hatching drawn over the bar's colour (not instead of it), so the bar stays solid and the hatch still tells it apart.
            var pattern = hatched
                ? PlotlyObject.With<Plotly.NET.TraceObjects.Pattern>(("shape", "\\"), ("fillmode", "overlay"), ("fgcolor", "#0b0c0c"), ("solidity", 0.25))
                : PlotlyObject.With<Plotly.NET.TraceObjects.Pattern>(("shape", ""));
            var bars = Chart.Column<double, string, string>(values, rows.Select(Key).ToArray(), Name: name, MarkerColor: Color.fromHex(colour), MarkerPattern: pattern);
            if (measure.Low is null) return bars;
            // Plotly wants the interval as distances from the bar's top, not as its ends.
            var interval = PlotlyObject.With(("type", "data"), ("symmetric", false), ("color", "#0b0c0c"), ("thickness", 1.5),
                ("array", rows.Select((r, i) => Math.Max(0, (measure.High!(r.Figures!) ?? 0) * measure.Scale - values[i])).ToArray()),
                ("arrayminus", rows.Select((r, i) => Math.Max(0, values[i] - (measure.Low(r.Figures!) ?? 0) * measure.Scale)).ToArray()));
            return GenericChart.mapTrace(Microsoft.FSharp.Core.FuncConvert.FromFunc<Trace, Trace>(trace => { trace.SetProperty("error_y", interval); return trace; }), bars);
        }
        var others = shown.Where(r => !r.IsChosen).ToList();
        var chosen = shown.Where(r => r.IsChosen).ToList();
        var traces = new List<GenericChart>();
        if (others.Count > 0 || chosen.Count == 0) traces.Add(Trace(others, othersName, ChartStyle.Blue, hatched: false));
        if (chosen.Count > 0) traces.Add(Trace(chosen, chosen[0].Name + " (chosen: orange, hatched)", ChartStyle.Orange, hatched: true));
        var layout = PlotlyObject.With<Layout>(
            ("barmode", "overlay"),
            ("margin", PlotlyObject.With(("l", 70), ("r", 20), ("t", 30), ("b", 140))),
            ("xaxis", PlotlyObject.With(("title", PlotlyObject.With(("text", areaHeading + ", highest first"))), ("categoryorder", "array"),
                ("categoryarray", shown.Select(Key).ToArray()), ("automargin", true))),
            ("yaxis", PlotlyObject.With(("title", PlotlyObject.With(("text", measure.Axis))), ("rangemode", "tozero"), ("automargin", true))));
        return Plotly.NET.Chart.withLayout(layout).Invoke(Chart.Combine(traces));
    }

    private static string Intervals(Measure measure) => measure.Low is null ? "" :
        "The line through each bar is its 95% interval: where two areas' intervals overlap, the difference between them may be chance. ";

    /// <summary>How many months each area's figures rest on, when they differ from a full year, and what that does to the measure.</summary>
    private static string Months(IReadOnlyList<Ranked> rows, Measure measure)
    {
        if (measure.Key == "spend") return "Spend is the whole year's, whatever the months of crime data.";
        var partial = rows.Where(r => r.Figures is { IsPartialYear: true }).Select(r => $"{r.Name} {r.Figures!.MonthsCovered}").ToList();
        if (partial.Count == 0) return "Every area has all 12 months of the year.";
        var months = $"Months of data (of 12): {string.Join(", ", partial)}";
        return measure.ScaledToYear
            ? months + "; each count is scaled to a year (× 12 ÷ months) before it is divided by residents."
            : months + "; a share of crimes needs no scaling.";
    }
}
