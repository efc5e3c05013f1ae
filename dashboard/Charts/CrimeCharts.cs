using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>
/// The crime page: recorded crime and anti-social behaviour by month, by type, and by district as a map shaded by
/// the rate per 1,000 residents, drawn from the repository's own boundaries (<see cref="DistrictBoundaries"/>), or by
/// partnership as a ranked chart. Rates are the marts' (marts.crime_rates_by_area_year), never worked out here, and
/// nothing here reads the warehouse or a file: the page's reader passes in the rows and the shapes.
/// </summary>
public static class CrimeCharts
{
    /// <param name="shapes">The districts' boundaries for the map; null when areas are partnerships, which are charted instead.</param>
    public static IReadOnlyList<ChartPanel> Build(
        ValidatedFilter filter, IReadOnlyList<CrimeMonthRow> months, IReadOnlyList<CrimeTypeRow> types, IReadOnlyList<AreaCrimeRow> rates, MapShapes? shapes)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return [Monthly(filter, months), IncidentsByType(types, filter.Area.Name, filter), shapes is null ? PartnershipRates(filter, rates) : Map(filter, rates, shapes)];
    }

    private static ChartPanel Monthly(ValidatedFilter filter, IReadOnlyList<CrimeMonthRow> months)
    {
        if (filter.CrimeType is { } type)
        {
            var single = Chart.Combine(
                [
                    Chart.Line<DateTime, long, string>(months.Select(m => m.Month).ToArray(), months.Select(m => m.RecordedCrimes + m.AntiSocialBehaviour).ToArray(),
                        Name: type, LineColor: Color.fromHex(ChartStyle.Blue), ShowMarkers: true),
                    YearEarlier(months, m => Sum(m.RecordedCrimesYearEarlier, m.AntiSocialBehaviourYearEarlier), type, ChartStyle.Blue, StyleParam.DrawingStyle.Dot),
                ])
                .WithXAxisStyle<DateTime, DateTime, string>(TitleText: "Month")
                .WithYAxisStyle<long, long, string>(TitleText: "Incidents a month");
            return new ChartPanel("incidents-by-month", $"{type} by month, {filter.Area.Name}, {filter.Year}",
                $"{type} incidents each month of the financial year loaded so far, and beside each the same month a year earlier (dotted line) where that month is loaded.",
                ChartStyle.PoliceSource, single,
                new DataTable(
                    [new("month", "Month", ColumnFormat.Month), new("incidents", type + " incidents", ColumnFormat.Count),
                     new("incidents_a_year_earlier", type + " incidents, same month a year earlier", ColumnFormat.Count)],
                    months.Select(m => (IReadOnlyList<object?>)[m.Month, m.RecordedCrimes + m.AntiSocialBehaviour,
                        Sum(m.RecordedCrimesYearEarlier, m.AntiSocialBehaviourYearEarlier)]).ToList()));
        }
        return IncidentsByMonth(months, filter.Area.Name, filter.Year);
    }

    /// <summary>
    /// Recorded crime and, apart from it, anti-social behaviour by month, each beside the same month a year earlier
    /// where that month is loaded: the crime page's, a district's and the overview's.
    /// </summary>
    public static ChartPanel IncidentsByMonth(IReadOnlyList<CrimeMonthRow> months, string where, string year)
    {
        var x = months.Select(m => m.Month).ToArray();
        // Told apart by line style and marker as well as colour: solid and dashed this year, dotted and dash-dot a year earlier.
        var chart = Chart.Combine(
            [
                Chart.Line<DateTime, long, string>(x, months.Select(m => m.RecordedCrimes).ToArray(), Name: "Recorded crime", LineColor: Color.fromHex(ChartStyle.Blue), ShowMarkers: true),
                Chart.Line<DateTime, long, string>(x, months.Select(m => m.AntiSocialBehaviour).ToArray(), Name: "Anti-social behaviour (not recorded crime)", LineColor: Color.fromHex(ChartStyle.Orange), ShowMarkers: true, LineDash: StyleParam.DrawingStyle.Dash),
                YearEarlier(months, m => m.RecordedCrimesYearEarlier, "Recorded crime", ChartStyle.Blue, StyleParam.DrawingStyle.Dot),
                YearEarlier(months, m => m.AntiSocialBehaviourYearEarlier, "Anti-social behaviour", ChartStyle.Orange, StyleParam.DrawingStyle.DashDot),
            ])
            .WithXAxisStyle<DateTime, DateTime, string>(TitleText: "Month")
            .WithYAxisStyle<long, long, string>(TitleText: "Incidents a month");
        return new ChartPanel("incidents-by-month", $"Recorded crime and anti-social behaviour by month, {where}, {year}",
            "Recorded crime (every published crime type but anti-social behaviour) and, apart from it, anti-social behaviour incidents (dashed line), each month of the financial year loaded so far. "
            + "Beside each, the same month a year earlier (dotted and dash-dot lines) where that month is loaded, so a season is compared with the same season.",
            ChartStyle.PoliceSource, chart,
            new DataTable(
                [new("month", "Month", ColumnFormat.Month), new("recorded_crimes", "Recorded crimes", ColumnFormat.Count), new("anti_social_behaviour", "Anti-social behaviour incidents", ColumnFormat.Count),
                 new("recorded_crimes_a_year_earlier", "Recorded crimes, same month a year earlier", ColumnFormat.Count),
                 new("anti_social_behaviour_a_year_earlier", "Anti-social behaviour incidents, same month a year earlier", ColumnFormat.Count)],
                months.Select(m => (IReadOnlyList<object?>)[m.Month, m.RecordedCrimes, m.AntiSocialBehaviour, m.RecordedCrimesYearEarlier, m.AntiSocialBehaviourYearEarlier]).ToList()));
    }

    /// <summary>A series drawn at each month whose same month a year earlier is loaded, with a diamond marker.</summary>
    private static GenericChart YearEarlier(IReadOnlyList<CrimeMonthRow> months, Func<CrimeMonthRow, long?> value, string what, string colour, StyleParam.DrawingStyle dash)
    {
        var loaded = months.Where(m => value(m) is not null).ToArray();
        return Chart.Line<DateTime, long, string>(loaded.Select(m => m.Month).ToArray(), loaded.Select(m => value(m)!.Value).ToArray(),
            Name: what + ", same month a year earlier", LineColor: Color.fromHex(colour), ShowMarkers: true,
            MarkerSymbol: StyleParam.MarkerSymbol.Diamond, LineDash: dash);
    }

    private static long? Sum(long? recorded, long? antiSocial) => recorded + antiSocial;

    /// <summary>Incidents of each crime type, anti-social behaviour apart: the crime page's and a district's.</summary>
    public static ChartPanel IncidentsByType(IReadOnlyList<CrimeTypeRow> types, string where, ValidatedFilter filter)
    {
        // Smallest at the bottom of a horizontal bar chart reads top-down largest first.
        var shown = types.Reverse().ToArray();
        static string Label(CrimeTypeRow row) => row.IsRecordedCrime ? row.CrimeType : row.CrimeType + " (not recorded crime)";
        var chart = Chart.Combine(
            [
                Chart.Bar<long, string, string>(shown.Where(t => t.IsRecordedCrime).Select(t => t.Incidents).ToArray(), shown.Where(t => t.IsRecordedCrime).Select(Label).ToArray(),
                    Name: "Recorded crime", MarkerColor: Color.fromHex(ChartStyle.Blue)),
                Chart.Bar<long, string, string>(shown.Where(t => !t.IsRecordedCrime).Select(t => t.Incidents).ToArray(), shown.Where(t => !t.IsRecordedCrime).Select(Label).ToArray(),
                    Name: "Anti-social behaviour (not recorded crime)", MarkerColor: Color.fromHex(ChartStyle.Orange), MarkerPatternShape: StyleParam.PatternShape.DiagonalDescending),
            ])
            .WithXAxisStyle<long, long, string>(TitleText: $"Incidents in {filter.Year} ({filter.MonthsCovered} months)")
            .WithYAxisStyle<string, string, string>(TitleText: "Crime type")
            ;
        chart = Plotly.NET.Chart.withLayout(PlotlyObject.With<Layout>(("margin", PlotlyObject.With(("l", 330), ("r", 20), ("t", 30), ("b", 60))))).Invoke(chart);
        return new ChartPanel("incidents-by-type", $"Incidents by crime type, {where}, {filter.Year}",
            "How many incidents of each published crime type were recorded in the months loaded so far. Anti-social behaviour is shown apart (orange, hatched): it is not recorded crime.",
            ChartStyle.PoliceSource, chart,
            new DataTable(
                [new("crime_type", "Crime type"), new("is_recorded_crime", "Counts as recorded crime"), new("incidents", "Incidents", ColumnFormat.Count), new("positive_outcomes", "Positive outcomes", ColumnFormat.Count)],
                types.Select(t => (IReadOnlyList<object?>)[t.CrimeType, t.IsRecordedCrime ? "yes" : "no", t.Incidents, t.PositiveOutcomes]).ToList()));
    }

    private static ChartPanel Map(ValidatedFilter filter, IReadOnlyList<AreaCrimeRow> rates, MapShapes shapes)
    {
        var what = filter.CrimeType ?? "Recorded crime";
        var unit = filter.CrimeType is null ? "crimes" : "incidents";
        var mapped = rates.Where(r => r.Rate is not null).ToArray();
        var centroids = shapes.Centroids;
        var labelled = mapped.Where(r => centroids.ContainsKey(r.AreaCode)).ToArray();
        // The labels trace comes first: Plotly decides from the first trace whether to fetch a base map, and a
        // trace placed by longitude and latitude alone never needs one.
        var labels = Chart.ScatterGeo<double, double, string>(
            labelled.Select(r => centroids[r.AreaCode].Lon).ToArray(), labelled.Select(r => centroids[r.AreaCode].Lat).ToArray(),
            StyleParam.Mode.Text, Name: "Rate labels", ShowLegend: false,
            MultiText: labelled.Select(r => r.AreaName + "<br>" + Format.Rate(r.Rate)).ToArray());
        var scale = StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Color.fromHex("#f3f2f1")), Tuple.Create(1.0, Color.fromHex("#5694ca"))]);
        // Only the force area's own districts are drawn, and the map is fitted to them.
        var map = Chart.ChoroplethMap<double, string>(
            mapped.Select(r => r.AreaCode).ToArray(), mapped.Select(r => r.Rate!.Value).ToArray(),
            Name: what, GeoJson: shapes.Districts, FeatureIdKey: "properties." + DistrictBoundaries.DistrictCodeProperty, ColorScale: scale,
            MultiText: mapped.Select(r => $"{r.AreaName}: {Format.Rate(r.Rate)} per 1,000 residents a year ({Format.Count(r.Incidents)} {unit})").ToArray());
        map = GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            if (trace.type != "choropleth") return trace;
            // From zero, so that a small difference between districts does not look like a large one.
            trace.SetProperty("zauto", false);
            trace.SetProperty("zmin", 0.0);
            trace.SetProperty("zmax", mapped.Length == 0 ? 1.0 : mapped.Max(r => r.Rate!.Value));
            trace.SetProperty("hoverinfo", "text");
            trace.SetProperty("colorbar", PlotlyObject.With(("title", PlotlyObject.With(("text", "Per 1,000<br>a year")))));
            return trace;
        }), map);
        var chart = Plotly.NET.Chart.withLayout(MapLayout()).Invoke(Chart.Combine([labels, map, Outline(filter, shapes.Outline)]));
        var partial = filter.IsPartialYear ? $" The year has {filter.MonthsCovered} months of data so far, so counts are scaled to twelve months for the rate." : "";
        return new ChartPanel("district-rates", $"{what} per 1,000 residents by district, {filter.ForceAreaName}, {filter.Year}",
            $"Each district of {filter.ForceAreaName} shaded by {what.ToLowerInvariant()} per 1,000 residents a year: darker is higher, and each district is labelled with its rate. The table below the map is the same figures with the counts they come from.{partial}",
            ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource + "; " + BoundarySource,
            chart, RateTable("District", filter, rates));
    }

    /// <summary>The force area's boundary as a line around its districts (the legend names it).</summary>
    private static GenericChart Outline(ValidatedFilter filter, (double?[] Lon, double?[] Lat) line)
    {
        var (lon, lat) = line;
        var outline = Chart.ScatterGeo<double, double, string>(Array.Empty<double>(), Array.Empty<double>(), StyleParam.Mode.Lines,
            Name: $"{filter.ForceAreaName} force area boundary", ShowLegend: true);
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("lon", lon);
            trace.SetProperty("lat", lat);
            trace.SetProperty("line", PlotlyObject.With(("color", "#0b0c0c"), ("width", 2)));
            trace.SetProperty("hoverinfo", "skip");
            return trace;
        }), outline);
    }

    /// <summary>Each partnership's rate with its 95% interval, highest first, in place of the map (split districts make partnerships no union of whole shapes).</summary>
    private static ChartPanel PartnershipRates(ValidatedFilter filter, IReadOnlyList<AreaCrimeRow> rates)
    {
        var what = filter.CrimeType ?? "Recorded crime";
        var shown = rates.Where(r => r.Rate is not null).OrderBy(r => r.Rate).ToArray();
        var points = Chart.Point<double, string, string>(shown.Select(r => r.Rate!.Value).ToArray(), shown.Select(r => r.AreaName).ToArray(),
            Name: what + " per 1,000 residents a year (bars show the 95% interval)", MarkerColor: Color.fromHex(ChartStyle.Blue));
        var interval = PlotlyObject.With(("type", "data"), ("symmetric", false), ("color", ChartStyle.Blue),
            ("array", shown.Select(r => (r.RateHigh ?? r.Rate!.Value) - r.Rate!.Value).ToArray()),
            ("arrayminus", shown.Select(r => r.Rate!.Value - (r.RateLow ?? r.Rate!.Value)).ToArray()));
        var chart = GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace => { trace.SetProperty("error_x", interval); return trace; }), points)
            .WithXAxisStyle<double, double, string>(TitleText: "Per 1,000 residents a year (95% interval)")
            .WithYAxisStyle<string, string, string>(TitleText: "Community Safety Partnership");
        chart = Plotly.NET.Chart.withLayout(PlotlyObject.With<Layout>(("margin", PlotlyObject.With(("l", 230), ("r", 20), ("t", 30), ("b", 60))))).Invoke(chart);
        var partial = filter.IsPartialYear ? $" The year has {filter.MonthsCovered} months of data so far, so counts are scaled to twelve months for the rate." : "";
        return new ChartPanel("partnership-rates", $"{what} per 1,000 residents by partnership, {filter.ForceAreaName}, {filter.Year}",
            $"Each Community Safety Partnership of {filter.ForceAreaName} with {what.ToLowerInvariant()} per 1,000 residents a year and its 95% interval, lowest at the bottom. The table below is the same figures with the counts they come from.{partial}",
            ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource, chart, RateTable("Partnership", filter, rates));
    }

    public const string BoundarySource = "district and force area boundaries: ONS Local Authority Districts (December 2023) BUC and Police Force Areas (December 2023) BSC (contains OS data © Crown copyright and database right)";

    private static DataTable RateTable(string level, ValidatedFilter filter, IReadOnlyList<AreaCrimeRow> rates)
    {
        var columns = new List<TableColumn>
        {
            new("area", level), new("area_code", level + " code"),
            new("incidents", filter.CrimeType is null ? "Recorded crimes" : filter.CrimeType + " incidents", ColumnFormat.Count),
            new("rate_per_1000", "Per 1,000 residents a year", ColumnFormat.Rate),
            new("interval_low", "95% interval from", ColumnFormat.Rate), new("interval_high", "95% interval to", ColumnFormat.Rate),
        };
        if (filter.CrimeType is null)
        {
            columns.Add(new("anti_social_behaviour", "Anti-social behaviour incidents", ColumnFormat.Count));
            columns.Add(new("asb_rate_per_1000", "Anti-social behaviour per 1,000 a year", ColumnFormat.Rate));
        }
        columns.Add(new("residents", "Residents", ColumnFormat.Count));
        columns.Add(new("population_estimate", "Population estimate"));
        columns.Add(new("note", "Note"));
        var rows = rates.Select(r =>
        {
            var row = new List<object?> { r.AreaName, r.AreaCode, r.Incidents, r.Rate, r.RateLow, r.RateHigh };
            if (filter.CrimeType is null) { row.Add(r.AntiSocialBehaviour); row.Add(r.AsbRate); }
            row.Add(r.Population);
            row.Add(r.EstimateSource);
            row.Add(string.Join(" ", new[] { r.IsSmallCount ? "Fewer than 10 incidents: read with care." : null, r.AssignmentRule }.Where(note => note is not null)));
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new DataTable(columns, rows);
    }

    private static Layout MapLayout()
    {
        var geo = new Geo();
        // No base map at all: every layer off, so Plotly never asks a tile or topojson server for one.
        foreach (var layer in new[] { "showland", "showocean", "showlakes", "showrivers", "showcountries", "showcoastlines", "showsubunits", "showframe" })
            geo.SetProperty(layer, false);
        geo.SetProperty("visible", false);
        geo.SetProperty("fitbounds", "locations");
        geo.SetProperty("projection", PlotlyObject.With(("type", "mercator")));
        var layout = new Layout();
        layout.SetProperty("geo", geo);
        layout.SetProperty("height", 560);
        layout.SetProperty("margin", PlotlyObject.With(("l", 0), ("r", 0), ("t", 10), ("b", 10)));
        return layout;
    }
}
