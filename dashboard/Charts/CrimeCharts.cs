using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>A district's rate for the year: incidents, residents, and incidents per 1,000 residents a year.</summary>
public sealed record DistrictRate(DistrictCrimeRow Row, double? Rate, double? AsbRate);

/// <summary>
/// The crime page: recorded crime and anti-social behaviour by month, by type, and by district as a map shaded by
/// the rate per 1,000 residents, drawn from the repository's own boundaries (<see cref="DistrictBoundaries"/>).
/// </summary>
public sealed class CrimeCharts(CrimePageQueries queries, DistrictBoundaries boundaries)
{
    /// <summary>Below this many incidents a rate is shown but flagged: one more or fewer moves it a long way.</summary>
    public const int SmallCount = 10;

    public long OutsideDistricts(ValidatedFilter filter) => queries.OutsideDistricts(filter.ForceArea, filter.Year, filter.CrimeType);

    /// <summary>Rates per 1,000 residents a year: counts in a part year are scaled to twelve months first.</summary>
    public IReadOnlyList<DistrictRate> Rates(ValidatedFilter filter)
    {
        var startYear = int.Parse(filter.Year[..4], System.Globalization.CultureInfo.InvariantCulture);
        var scale = filter.MonthsCovered > 0 ? 12.0 / filter.MonthsCovered : 0;
        return queries.ByDistrict(filter.ForceArea, filter.Year, startYear, filter.CrimeType)
            .Select(row => new DistrictRate(row, Per1000(row.Incidents, scale, row.Population), Per1000(row.AntiSocialBehaviour, scale, row.Population)))
            .ToList();
    }

    public IReadOnlyList<ChartPanel> Build(ValidatedFilter filter) =>
        [Monthly(filter), ByType(filter), Map(filter, Rates(filter))];

    private static double? Per1000(long incidents, double scale, long? population) =>
        population is > 0 && scale > 0 ? Math.Round(1000.0 * incidents * scale / population.Value, 1) : null;

    private static string Where(ValidatedFilter filter) => filter.DistrictName ?? filter.ForceAreaName;

    private ChartPanel Monthly(ValidatedFilter filter)
    {
        var months = queries.Monthly(filter.ForceArea, filter.Year, filter.District, filter.CrimeType);
        var x = months.Select(m => m.Month).ToArray();
        if (filter.CrimeType is { } type)
        {
            var counts = months.Select(m => m.RecordedCrimes + m.AntiSocialBehaviour).ToArray();
            var single = Chart.Line<DateTime, long, string>(x, counts, Name: type, LineColor: Color.fromHex(ChartStyle.Blue), ShowMarkers: true)
                .WithXAxisStyle<DateTime, DateTime, string>(TitleText: "Month")
                .WithYAxisStyle<long, long, string>(TitleText: "Incidents a month");
            return new ChartPanel("incidents-by-month", $"{type} by month, {Where(filter)}, {filter.Year}",
                $"{type} incidents each month of the financial year loaded so far.", ChartStyle.PoliceSource, single,
                new DataTable([new("month", "Month", ColumnFormat.Month), new("incidents", type + " incidents", ColumnFormat.Count)],
                    months.Select(m => (IReadOnlyList<object?>)[m.Month, m.RecordedCrimes + m.AntiSocialBehaviour]).ToList()));
        }
        return IncidentsByMonth(months, Where(filter), filter.Year);
    }

    /// <summary>Recorded crime and, apart from it, anti-social behaviour by month: the crime page's and a district's.</summary>
    internal static ChartPanel IncidentsByMonth(IReadOnlyList<CrimeMonthRow> months, string where, string year)
    {
        var x = months.Select(m => m.Month).ToArray();
        var chart = Chart.Combine(
            [
                Chart.Line<DateTime, long, string>(x, months.Select(m => m.RecordedCrimes).ToArray(), Name: "Recorded crime", LineColor: Color.fromHex(ChartStyle.Blue), ShowMarkers: true),
                Chart.Line<DateTime, long, string>(x, months.Select(m => m.AntiSocialBehaviour).ToArray(), Name: "Anti-social behaviour (not recorded crime)", LineColor: Color.fromHex(ChartStyle.Orange), ShowMarkers: true, LineDash: StyleParam.DrawingStyle.Dash),
            ])
            .WithXAxisStyle<DateTime, DateTime, string>(TitleText: "Month")
            .WithYAxisStyle<long, long, string>(TitleText: "Incidents a month");
        return new ChartPanel("incidents-by-month", $"Recorded crime and anti-social behaviour by month, {where}, {year}",
            "Recorded crime (every published crime type but anti-social behaviour) and, apart from it, anti-social behaviour incidents (dashed line), each month of the financial year loaded so far.",
            ChartStyle.PoliceSource, chart,
            new DataTable(
                [new("month", "Month", ColumnFormat.Month), new("recorded_crimes", "Recorded crimes", ColumnFormat.Count), new("anti_social_behaviour", "Anti-social behaviour incidents", ColumnFormat.Count)],
                months.Select(m => (IReadOnlyList<object?>)[m.Month, m.RecordedCrimes, m.AntiSocialBehaviour]).ToList()));
    }

    private ChartPanel ByType(ValidatedFilter filter) =>
        IncidentsByType(queries.ByType(filter.ForceArea, filter.Year, filter.District, filter.CrimeType), Where(filter), filter);

    /// <summary>Incidents of each crime type, anti-social behaviour apart: the crime page's and a district's.</summary>
    internal static ChartPanel IncidentsByType(IReadOnlyList<CrimeTypeRow> types, string where, ValidatedFilter filter)
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

    private ChartPanel Map(ValidatedFilter filter, IReadOnlyList<DistrictRate> rates)
    {
        var what = filter.CrimeType ?? "Recorded crime";
        var unit = filter.CrimeType is null ? "crimes" : "incidents";
        var mapped = rates.Where(r => r.Rate is not null).ToArray();
        var centroids = boundaries.Centroids;
        var labelled = mapped.Where(r => centroids.ContainsKey(r.Row.DistrictCode)).ToArray();
        // The labels trace comes first: Plotly decides from the first trace whether to fetch a base map, and a
        // trace placed by longitude and latitude alone never needs one.
        var labels = Chart.ScatterGeo<double, double, string>(
            labelled.Select(r => centroids[r.Row.DistrictCode].Lon).ToArray(), labelled.Select(r => centroids[r.Row.DistrictCode].Lat).ToArray(),
            StyleParam.Mode.Text, Name: "Rate labels", ShowLegend: false,
            MultiText: labelled.Select(r => r.Row.DistrictName + "<br>" + Format.Rate(r.Rate)).ToArray());
        var scale = StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Color.fromHex("#f3f2f1")), Tuple.Create(1.0, Color.fromHex("#5694ca"))]);
        var map = Chart.ChoroplethMap<double, string>(
            mapped.Select(r => r.Row.DistrictCode).ToArray(), mapped.Select(r => r.Rate!.Value).ToArray(),
            Name: what, GeoJson: boundaries.GeoJson, FeatureIdKey: "properties." + DistrictBoundaries.DistrictCodeProperty, ColorScale: scale,
            MultiText: mapped.Select(r => $"{r.Row.DistrictName}: {Format.Rate(r.Rate)} per 1,000 residents a year ({Format.Count(r.Row.Incidents)} {unit})").ToArray());
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
        var chart = Plotly.NET.Chart.withLayout(MapLayout()).Invoke(Chart.Combine([labels, map]));

        var columns = new List<TableColumn>
        {
            new("district", "District"), new("district_code", "District code"),
            new("incidents", filter.CrimeType is null ? "Recorded crimes" : filter.CrimeType + " incidents", ColumnFormat.Count),
            new("rate_per_1000", "Per 1,000 residents a year", ColumnFormat.Rate),
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
            var row = new List<object?> { r.Row.DistrictName, r.Row.DistrictCode, r.Row.Incidents, r.Rate };
            if (filter.CrimeType is null) { row.Add(r.Row.AntiSocialBehaviour); row.Add(r.AsbRate); }
            row.Add(r.Row.Population);
            row.Add(r.Row.EstimateSource);
            row.Add(r.Row.Incidents < SmallCount ? "Fewer than 10 incidents: read with care" : "");
            return (IReadOnlyList<object?>)row;
        }).ToList();
        var partial = filter.IsPartialYear ? $" The year has {filter.MonthsCovered} months of data so far, so counts are scaled to twelve months for the rate." : "";
        return new ChartPanel("district-rates", $"{what} per 1,000 residents by district, {filter.ForceAreaName}, {filter.Year}",
            $"Each district shaded by {what.ToLowerInvariant()} per 1,000 residents a year: darker is higher, and each district is labelled with its rate. The table below the map is the same figures with the counts they come from.{partial}",
            ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource + "; boundaries derived from ONS 2021 LSOA boundaries (contains OS data © Crown copyright and database right)",
            chart, new DataTable(columns, rows));
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
