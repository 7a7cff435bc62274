using Signpost.Geo;
using Signpost.Search;

namespace Signpost.Tests;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("dementia café", "\"dementia\" \"café\"")]
    [InlineData("NEAR(dementia, 2)", "\"NEAR\" \"dementia\" \"2\"")]
    [InlineData("\"carers\" AND (support*)", "\"carers\" \"AND\" \"support\"")]
    [InlineData("'; DROP TABLE services; --", "\"DROP\" \"TABLE\" \"services\"")]
    [InlineData("***", "")]
    public void UserTextBecomesQuotedWords(string text, string expected)
    {
        Assert.Equal(expected, FtsQuery.From(text).MatchExpression);
    }

    [Fact]
    public void VeryLongInputIsBounded()
    {
        var query = FtsQuery.From(string.Join(' ', Enumerable.Repeat(new string('x', 500), 100)));
        Assert.Equal(FtsQuery.MaxWords, query.Words.Count);
        Assert.All(query.Words, w => Assert.Equal(FtsQuery.MaxWordLength, w.Length));
    }

    [Theory]
    [InlineData(50.68, -3.239, 5)]
    [InlineData(60.8, -0.9, 50)]
    [InlineData(0, 179.99, 10)]
    public void TheBoundingBoxHoldsEveryPointOfTheCircle(double lat, double lon, double radius)
    {
        var centre = new GeoPoint(lat, lon);
        var box = BoundingBox.Around(centre, radius);
        for (var bearing = 0; bearing < 360; bearing += 5)
        {
            var point = Destination(centre, bearing, radius * 0.999);
            Assert.InRange(point.Latitude, box.MinLatitude, box.MaxLatitude);
            Assert.InRange(point.Longitude, box.MinLongitude, box.MaxLongitude);
        }
    }

    private static GeoPoint Destination(GeoPoint from, double bearingDegrees, double km)
    {
        var d = km / GreatCircle.EarthRadiusKm;
        var b = GreatCircle.ToRadians(bearingDegrees);
        var lat1 = GreatCircle.ToRadians(from.Latitude);
        var lon1 = GreatCircle.ToRadians(from.Longitude);
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(d) + Math.Cos(lat1) * Math.Sin(d) * Math.Cos(b));
        var lon2 = lon1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - Math.Sin(lat1) * Math.Sin(lat2));
        var lon = lon2 * 180 / Math.PI;
        return new GeoPoint(lat2 * 180 / Math.PI, lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
    }
}
