namespace Signpost.Geo;

/// <summary>Great-circle distances on a spherical Earth (haversine), the same formula the search SQL uses.</summary>
public static class GreatCircle
{
    /// <summary>IUGG mean Earth radius.</summary>
    public const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        var dLat = ToRadians(b.Latitude - a.Latitude);
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
              + Math.Cos(ToRadians(a.Latitude)) * Math.Cos(ToRadians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    public static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
