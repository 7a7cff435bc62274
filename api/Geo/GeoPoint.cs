namespace Signpost.Geo;

/// <summary>A WGS 84 point in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public static bool IsValidLatitude(double value) => double.IsFinite(value) && value is >= -90 and <= 90;
    public static bool IsValidLongitude(double value) => double.IsFinite(value) && value is >= -180 and <= 180;
}
