using Signpost.Geo;

namespace Signpost.Tests;

public sealed class PolygonRingsTests
{
    // A 10° square with a 2° hole in the middle, and a separate 1° square to the east.
    private const string Area = """
        {"type":"MultiPolygon","coordinates":[
          [[[0,0],[10,0],[10,10],[0,10],[0,0]], [[4,4],[4,6],[6,6],[6,4],[4,4]]],
          [[[20,0],[21,0],[21,1],[20,1],[20,0]]]]}
        """;

    [Theory]
    [InlineData(1, 1, true)]      // inside the outer ring
    [InlineData(5, 5, false)]     // in the hole
    [InlineData(0.5, 20.5, true)] // in the second polygon
    [InlineData(0.5, 15, false)]  // between the polygons
    [InlineData(0, 5, true)]      // on an edge
    [InlineData(10, 10, true)]    // on a corner
    [InlineData(-0.001, 5, false)]
    public void CoversAgreesWithNetTopologySuite(double latitude, double longitude, bool expected)
    {
        var area = AreaGeometry.Parse(Area);
        var rings = PolygonRings.Encode(area.Geometry);

        Assert.Equal(expected, PolygonRings.Covers(rings, latitude, longitude));
        Assert.Equal(area.Covers(new GeoPoint(latitude, longitude)), PolygonRings.Covers(rings, latitude, longitude));
    }
}
