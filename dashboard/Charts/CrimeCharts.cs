using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Formatting;
using Analytics.Warehouse.Queries;
using Microsoft.FSharp.Core;
using Newtonsoft.Json.Linq;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>A district's rate for the year: incidents, residents, and incidents per 1,000 residents a year.</summary>
public sealed record DistrictRate(DistrictCrimeRow Row, double? Rate, double? AsbRate);

/// <summary>
/// The crime page: recorded crime and anti-social behaviour by month, by type, and by district as a map shaded by
/// the rate per 1,000 residents. The map's boundaries come from the repository's own GeoJSON, read once at start-up
/// and put inside the figure, so the browser loads nothing from another host.
/// </summary>
public sealed class CrimeCharts(CrimePageQueries queries, IWebHostEnvironment environment)
{
    public const string BoundaryFile = "Geography/kent-medway-districts.geojson";
    /// <summary>The GeoJSON property that holds a district's GSS code.</summary>
    public const string DistrictCodeProperty = "LADCD";
    /// <summary>Below this many incidents a rate is shown but flagged: one more or fewer moves it a long way.</summary>
    public const int SmallCount = 10;

    private readonly JObject boundaries = Wound(JObject.Parse(File.ReadAllText(Locate(environment))));

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
        chart = Plotly.NET.Chart.withLayout(Obj<Layout>(("margin", Obj(("l", 330), ("r", 20), ("t", 30), ("b", 60))))).Invoke(chart);
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
        var centroids = Centroids();
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
            Name: what, GeoJson: boundaries, FeatureIdKey: "properties." + DistrictCodeProperty, ColorScale: scale,
            MultiText: mapped.Select(r => $"{r.Row.DistrictName}: {Format.Rate(r.Rate)} per 1,000 residents a year ({Format.Count(r.Row.Incidents)} {unit})").ToArray());
        map = GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            if (trace.type != "choropleth") return trace;
            // From zero, so that a small difference between districts does not look like a large one.
            trace.SetProperty("zauto", false);
            trace.SetProperty("zmin", 0.0);
            trace.SetProperty("zmax", mapped.Length == 0 ? 1.0 : mapped.Max(r => r.Rate!.Value));
            trace.SetProperty("hoverinfo", "text");
            trace.SetProperty("colorbar", Obj(("title", Obj(("text", "Per 1,000<br>a year")))));
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
        geo.SetProperty("projection", Obj(("type", "mercator")));
        var layout = new Layout();
        layout.SetProperty("geo", geo);
        layout.SetProperty("height", 560);
        layout.SetProperty("margin", Obj(("l", 0), ("r", 0), ("t", 10), ("b", 10)));
        return layout;
    }

    /// <summary>A Plotly object with these properties, for the parts the typed API does not reach.</summary>
    internal static DynamicObj.DynamicObj Obj(params (string Name, object Value)[] properties) => Obj<DynamicObj.DynamicObj>(properties);

    internal static T Obj<T>(params (string Name, object Value)[] properties) where T : DynamicObj.DynamicObj, new()
    {
        var result = new T();
        foreach (var (name, value) in properties) result.SetProperty(name, value);
        return result;
    }

    /// <summary>Where to put each district's label: the area-weighted centre of its largest polygon.</summary>
    private Dictionary<string, (double Lon, double Lat)> Centroids()
    {
        var result = new Dictionary<string, (double, double)>();
        foreach (var feature in boundaries["features"]!.Children<JObject>())
        {
            var code = (string?)feature["properties"]?[DistrictCodeProperty];
            var geometry = feature["geometry"];
            if (code is null || geometry is null) continue;
            var polygons = (string?)geometry["type"] == "MultiPolygon"
                ? geometry["coordinates"]!.Children().Select(p => p.First!)
                : [geometry["coordinates"]!.First!];
            var best = polygons.Select(Ring).MaxBy(r => Math.Abs(r.Area));
            if (best.Area != 0) result[code] = (best.Lon, best.Lat);
        }
        return result;
    }

    private static (double Area, double Lon, double Lat) Ring(JToken ring)
    {
        var points = ring.Children().Select(p => ((double)p[0]!, (double)p[1]!)).ToArray();
        double area = 0, cx = 0, cy = 0;
        for (var i = 0; i < points.Length - 1; i++)
        {
            var cross = points[i].Item1 * points[i + 1].Item2 - points[i + 1].Item1 * points[i].Item2;
            area += cross;
            cx += (points[i].Item1 + points[i + 1].Item1) * cross;
            cy += (points[i].Item2 + points[i + 1].Item2) * cross;
        }
        return area == 0 ? (0, 0, 0) : (area / 2, cx / (3 * area), cy / (3 * area));
    }

    /// <summary>
    /// Plotly draws on a sphere, where a ring's winding says which side is inside: an outer ring must run clockwise
    /// (GeoJSON files usually run anticlockwise, which would shade the whole world but the district).
    /// </summary>
    private static JObject Wound(JObject collection)
    {
        foreach (var feature in collection["features"]!.Children<JObject>())
        {
            var geometry = feature["geometry"];
            if (geometry?["coordinates"] is not JArray coordinates) continue;
            var polygons = (string?)geometry["type"] == "MultiPolygon" ? coordinates.Children<JArray>().ToArray() : [coordinates];
            foreach (var polygon in polygons)
            {
                if (polygon.First is not JArray outer || Ring(outer).Area <= 0) continue;
                foreach (var ring in polygon.Children<JArray>())
                {
                    var points = ring.Children().Reverse().ToArray();
                    ring.Clear();
                    foreach (var point in points) ring.Add(point);
                }
            }
        }
        return collection;
    }

    private static string Locate(IWebHostEnvironment environment)
    {
        foreach (var root in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
        {
            var path = Path.Combine(root, BoundaryFile);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("The district boundary file is missing from the dashboard.", BoundaryFile);
    }
}
