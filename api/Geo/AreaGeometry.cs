using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using System.Text.Json;

namespace Signpost.Geo;

/// <summary>A service area's polygon: parsed from GeoJSON, validated, and asked "does it cover this point?".</summary>
public sealed class AreaGeometry
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private static readonly JsonSerializerOptions GeoJsonOptions = CreateOptions();

    private AreaGeometry(Geometry geometry, string geoJson)
    {
        Geometry = geometry;
        GeoJson = geoJson;
        Envelope = geometry.EnvelopeInternal;
    }

    public Geometry Geometry { get; }
    public string GeoJson { get; }
    public Envelope Envelope { get; }

    public bool Covers(GeoPoint point) => Geometry.Covers(Factory.CreatePoint(new Coordinate(point.Longitude, point.Latitude)));

    /// <summary>Parses a GeoJSON Polygon or MultiPolygon; the error names what is wrong.</summary>
    public static bool TryParse(string geoJson, out AreaGeometry? area, out string? error)
    {
        area = null;
        Geometry? geometry;
        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(geoJson, GeoJsonOptions);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            error = "is not valid GeoJSON";
            return false;
        }

        if (geometry is not (Polygon or MultiPolygon))
        {
            error = "must be a GeoJSON Polygon or MultiPolygon";
            return false;
        }

        foreach (var c in geometry.Coordinates)
        {
            if (!GeoPoint.IsValidLatitude(c.Y) || !GeoPoint.IsValidLongitude(c.X))
            {
                error = "has a coordinate outside latitude ±90 / longitude ±180 (GeoJSON is [longitude, latitude])";
                return false;
            }
        }

        if (!geometry.IsValid)
        {
            error = "is not a valid polygon (rings must be closed and must not cross themselves)";
            return false;
        }

        area = new AreaGeometry(geometry, JsonSerializer.Serialize(geometry, GeoJsonOptions));
        error = null;
        return true;
    }

    public static AreaGeometry Parse(string geoJson) =>
        TryParse(geoJson, out var area, out var error) ? area! : throw new FormatException($"Service area extent {error}.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }
}
