using Signpost.Search.Sqlite;

namespace Signpost.Search;

/// <summary>
/// A search point as a unit vector. The squared chord length between unit vectors orders and
/// filters exactly as great-circle distance does, in a handful of multiplications (no trigonometry
/// per candidate), so distances are compared as chords and turned into kilometres only for output.
/// Every engine's near search uses it, so a cursor's squared chord means the same on each.
/// </summary>
internal readonly struct NearPoint
{
    private readonly double _x, _y, _z;

    public NearPoint(GeoPoint point)
    {
        Point = point;
        (_x, _y, _z) = UnitVector(point.Latitude, point.Longitude);
    }

    public GeoPoint Point { get; }

    /// <summary>Squared chord to a location stored in the R*Trees' fixed point (1e-7 degrees).</summary>
    public double Chord2To(long latitude, long longitude) =>
        Chord2ToDegrees(latitude / SqliteSearchIndex.CoordinateScale, longitude / SqliteSearchIndex.CoordinateScale);

    /// <summary>Squared chord to a location in degrees, as the tables store it.</summary>
    public double Chord2ToDegrees(double latitude, double longitude)
    {
        var (x, y, z) = UnitVector(latitude, longitude);
        return (x - _x) * (x - _x) + (y - _y) * (y - _y) + (z - _z) * (z - _z);
    }

    public static double Chord2ForKm(double km)
    {
        var chord = 2 * Math.Sin(km / (2 * GreatCircle.EarthRadiusKm));
        return chord * chord;
    }

    public static double ChordToKm(double chord2) => 2 * GreatCircle.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(chord2) / 2));

    private static (double X, double Y, double Z) UnitVector(double latitude, double longitude)
    {
        var (lat, lon) = (GreatCircle.ToRadians(latitude), GreatCircle.ToRadians(longitude));
        var cosLat = Math.Cos(lat);
        return (cosLat * Math.Cos(lon), cosLat * Math.Sin(lon), Math.Sin(lat));
    }
}
