using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace Analytics.Dashboard.Charts;

/// <summary>
/// The district boundaries the crime map is drawn from: the repository's own GeoJSON of every district of England and
/// Wales (Geography/), read once; each map carries only the districts it shows, so the browser loads nothing from
/// another host.
/// </summary>
public sealed class DistrictBoundaries(IWebHostEnvironment environment)
{
    public const string BoundaryFile = "Geography/districts-dec-2023-ew.geojson";
    /// <summary>The GeoJSON property that holds a district's GSS code.</summary>
    public const string DistrictCodeProperty = "LAD23CD";

    /// <summary>Every district of England and Wales.</summary>
    public JObject GeoJson { get; } = Wound(JObject.Parse(File.ReadAllText(Locate(environment))));

    private readonly ConcurrentDictionary<string, JObject> selections = new();

    /// <summary>Only these districts' features (worked out once for each set of codes, as one force area asks again and again).</summary>
    public JObject For(IEnumerable<string> codes)
    {
        var wanted = codes.Distinct().Order(StringComparer.Ordinal).ToArray();
        return selections.GetOrAdd(string.Join(",", wanted), _ =>
        {
            var set = wanted.ToHashSet(StringComparer.Ordinal);
            var features = GeoJson["features"]!.Children<JObject>().Where(f => set.Contains((string?)f["properties"]?[DistrictCodeProperty] ?? ""));
            return new JObject { ["type"] = "FeatureCollection", ["features"] = new JArray(features.Select(f => f.DeepClone())) };
        });
    }

    private Dictionary<string, (double Lon, double Lat)>? centroids;

    /// <summary>Where to put each district's label: the area-weighted centre of its largest polygon (worked out once).</summary>
    public IReadOnlyDictionary<string, (double Lon, double Lat)> Centroids => centroids ??= FindCentroids();

    private Dictionary<string, (double Lon, double Lat)> FindCentroids()
    {
        var result = new Dictionary<string, (double, double)>();
        foreach (var feature in GeoJson["features"]!.Children<JObject>())
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
