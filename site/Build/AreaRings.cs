using System.Text.Json.Nodes;
using Signpost.Geo;
using Signpost.Site.Api;

namespace Signpost.Site;

/// <summary>
/// A service area's polygon rings (GeoJSON Polygon or MultiPolygon) and their bounds: what the
/// search index gives the browser, and what the town pages test a town's centre against.
/// </summary>
public sealed record AreaRings(List<List<(double Lat, double Lon)>> Rings, WriteSearchIndex.Bounds Bounds, byte[] Shape)
{
    /// <summary>The areas of a service that have a shape (an area with only a name cannot cover a point).</summary>
    public static List<AreaRings> Of(Service service) => service.ServiceAreas.Select(a => Parse(a.Extent)).OfType<AreaRings>().ToList();

    public bool Overlaps(WriteSearchIndex.Bounds tile) => Bounds.Overlaps(tile);

    /// <summary>Whether the area covers the point, by the API's own test (<see cref="PolygonRings"/>), so town pages and search agree.</summary>
    public bool Covers(double lat, double lon) =>
        lat >= Bounds.South && lat <= Bounds.North && lon >= Bounds.West && lon <= Bounds.East
        && PolygonRings.Covers(Shape, lat, lon);

    public static AreaRings? Parse(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            return null;
        }

        var node = JsonNode.Parse(geoJson);
        var polygons = node?["type"]?.GetValue<string>() switch
        {
            "Polygon" => [node["coordinates"]!.AsArray()],
            "MultiPolygon" => node["coordinates"]!.AsArray().Select(p => p!.AsArray()).ToList(),
            _ => new List<JsonArray>(),
        };
        var rings = polygons.SelectMany(p => p.Select(r => r!.AsArray().Select(pt => (Lat: pt![1]!.GetValue<double>(), Lon: pt[0]!.GetValue<double>())).ToList())).ToList();
        if (rings.Count == 0)
        {
            return null;
        }

        var all = rings.SelectMany(r => r).ToList();
        // The API stored only shapes that parse; one that did not covers nothing.
        var shape = AreaGeometry.TryParse(geoJson, out var geometry, out _) ? PolygonRings.Encode(geometry!.Geometry) : [];
        return new AreaRings(rings, new WriteSearchIndex.Bounds(all.Min(p => p.Lat), all.Min(p => p.Lon), all.Max(p => p.Lat), all.Max(p => p.Lon)), shape);
    }
}
