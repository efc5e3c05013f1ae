using System.Text.Json.Nodes;

namespace Analytics.Dashboard.Charts;

/// <summary>
/// The police force area boundaries of England and Wales (Geography/, read once): the crime map draws the chosen
/// area's outline from them, so districts are seen inside their force area and nothing comes from another host.
/// </summary>
public sealed class ForceAreaBoundaries(IWebHostEnvironment environment)
{
    public const string BoundaryFile = "Geography/force-areas-dec-2023-ew.geojson";
    public const string ForceAreaCodeProperty = "PFA23CD";

    private readonly Lazy<Dictionary<string, JsonNode>> geometries = new(() => Read(environment));

    /// <summary>
    /// The outline of one force area as longitude and latitude lists, each ring closed and the rings separated by
    /// nulls (Plotly's gap in a line); empty when the area is not in the file.
    /// </summary>
    public (double?[] Lon, double?[] Lat) Outline(string forceAreaCode)
    {
        if (!geometries.Value.TryGetValue(forceAreaCode, out var geometry)) return ([], []);
        var polygons = (string?)geometry["type"] == "MultiPolygon" ? geometry["coordinates"]!.AsArray() : new JsonArray(geometry["coordinates"]!.DeepClone());
        var lon = new List<double?>();
        var lat = new List<double?>();
        foreach (var ring in polygons.SelectMany(polygon => polygon!.AsArray()))
        {
            foreach (var point in ring!.AsArray())
            {
                lon.Add((double)point![0]!);
                lat.Add((double)point[1]!);
            }
            lon.Add(null);
            lat.Add(null);
        }
        return ([.. lon], [.. lat]);
    }

    private static Dictionary<string, JsonNode> Read(IWebHostEnvironment environment)
    {
        var path = new[] { environment.ContentRootPath, AppContext.BaseDirectory }.Select(root => Path.Combine(root, BoundaryFile)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("The force area boundary file is missing from the dashboard.", BoundaryFile);
        return JsonNode.Parse(File.ReadAllText(path))!["features"]!.AsArray()
            .ToDictionary(feature => (string)feature!["properties"]![ForceAreaCodeProperty]!, feature => feature!["geometry"]!);
    }
}
