namespace Signpost.Geo;

/// <summary>The smallest latitude/longitude box that contains every point within a radius of a centre.</summary>
public readonly record struct BoundingBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    public static BoundingBox Around(GeoPoint centre, double radiusKm)
    {
        var angular = radiusKm / GreatCircle.EarthRadiusKm;
        var latDelta = angular * 180 / Math.PI;
        var minLat = centre.Latitude - latDelta;
        var maxLat = centre.Latitude + latDelta;
        if (minLat <= -90 || maxLat >= 90)
        {
            // The circle reaches a pole: every longitude is inside.
            return new(Math.Max(minLat, -90), Math.Min(maxLat, 90), -180, 180);
        }

        // Widest longitude span of the circle (not at the centre's latitude but where the circle is tangent to a meridian).
        var lonDelta = Math.Asin(Math.Sin(angular) / Math.Cos(GreatCircle.ToRadians(centre.Latitude))) * 180 / Math.PI;
        var minLon = centre.Longitude - lonDelta;
        var maxLon = centre.Longitude + lonDelta;
        return minLon < -180 || maxLon > 180
            ? new(minLat, maxLat, -180, 180) // crosses the antimeridian: widen rather than split
            : new(minLat, maxLat, minLon, maxLon);
    }
}
