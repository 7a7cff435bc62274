using System.Buffers.Binary;
using NetTopologySuite.Geometries;

namespace Signpost.Geo;

/// <summary>
/// A polygon or multipolygon as a flat byte array of rings, so "does this area cover the point?"
/// runs without parsing GeoJSON or allocating geometry: [ring count] then, per ring, [point count]
/// and (longitude, latitude) doubles, little-endian. The test is the even-odd rule over all rings,
/// which handles holes and multipolygons; points on an edge count as covered.
/// </summary>
public static class PolygonRings
{
    public static byte[] Encode(Geometry geometry)
    {
        var rings = new List<Coordinate[]>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                rings.Add(polygon.ExteriorRing.Coordinates);
                rings.AddRange(polygon.InteriorRings.Select(r => r.Coordinates));
            }
        }

        var bytes = new byte[4 + rings.Sum(r => 4 + r.Length * 16)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, rings.Count);
        var offset = 4;
        foreach (var ring in rings)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[offset..], ring.Length);
            offset += 4;
            foreach (var c in ring)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(span[offset..], c.X);
                BinaryPrimitives.WriteDoubleLittleEndian(span[(offset + 8)..], c.Y);
                offset += 16;
            }
        }

        return bytes;
    }

    public static bool Covers(ReadOnlySpan<byte> rings, double latitude, double longitude)
    {
        if (rings.Length < 4)
        {
            return false;
        }

        var inside = false;
        var ringCount = BinaryPrimitives.ReadInt32LittleEndian(rings);
        var offset = 4;
        for (var r = 0; r < ringCount; r++)
        {
            var points = BinaryPrimitives.ReadInt32LittleEndian(rings[offset..]);
            offset += 4;
            var ring = rings.Slice(offset, points * 16);
            offset += points * 16;
            for (int i = 0, j = points - 1; i < points; j = i++)
            {
                var (xi, yi) = Point(ring, i);
                var (xj, yj) = Point(ring, j);
                if (OnSegment(longitude, latitude, xi, yi, xj, yj))
                {
                    return true;
                }

                if ((yi > latitude) != (yj > latitude) && longitude < (xj - xi) * (latitude - yi) / (yj - yi) + xi)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    private static (double X, double Y) Point(ReadOnlySpan<byte> ring, int index) =>
        (BinaryPrimitives.ReadDoubleLittleEndian(ring[(index * 16)..]), BinaryPrimitives.ReadDoubleLittleEndian(ring[(index * 16 + 8)..]));

    private static bool OnSegment(double x, double y, double x1, double y1, double x2, double y2)
    {
        const double Epsilon = 1e-12;
        var cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1);
        return Math.Abs(cross) <= Epsilon
            && x >= Math.Min(x1, x2) - Epsilon && x <= Math.Max(x1, x2) + Epsilon
            && y >= Math.Min(y1, y2) - Epsilon && y <= Math.Max(y1, y2) + Epsilon;
    }
}
