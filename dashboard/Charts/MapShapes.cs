using Newtonsoft.Json.Linq;

namespace Analytics.Dashboard.Charts;

/// <summary>What a map of districts is drawn from: their boundaries, where to label each, and the force area's outline.</summary>
/// <param name="Districts">The districts' features only (<see cref="DistrictBoundaries.For"/>).</param>
/// <param name="Outline">The force area's boundary as one line (<see cref="ForceAreaBoundaries.Outline"/>).</param>
public sealed record MapShapes(
    JObject Districts, IReadOnlyDictionary<string, (double Lon, double Lat)> Centroids, (double?[] Lon, double?[] Lat) Outline);
