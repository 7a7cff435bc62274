using System.Text.Json.Nodes;
using Signpost.Geo;
using Signpost.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class NearMeSearchTests(DirectoryApiFactory api)
{
    public static readonly object Sidmouth = new { latitude = 50.6800, longitude = -3.2390 };
    private readonly GraphQLClient _client = new(api.CreateClient());

    [Fact]
    public async Task NearSidmouthFindsAtLeastTenServicesWithinTenKilometres()
    {
        var response = await _client.RunAsync("ServiceIds", new { near = Sidmouth, radiusKm = 10.0, first = 100 });

        var services = response.DataOrFail()["services"]!;
        Assert.True(services["totalCount"]!.GetValue<int>() >= 10, response.ToString());
        var edges = services["edges"]!.AsArray();
        Assert.True(edges.Count(e => Reach(e) == "LOCATION") >= 10, response.ToString());
        Assert.All(edges.Where(e => Reach(e) == "LOCATION"), e => Assert.InRange(e!["distanceKm"]!.GetValue<double>(), 0, 10));
    }

    [Fact]
    public async Task ServicesReachingThePointOnlyByAreaComeAfterThoseWithALocationWithinTheRadius()
    {
        var response = await _client.RunAsync("ServiceIds", new { near = Sidmouth, radiusKm = 3.0, first = 100 });

        var reaches = response.DataOrFail()["services"]!["edges"]!.AsArray().Select(Reach).ToList();
        Assert.Contains("LOCATION", reaches);
        Assert.Contains("SERVICE_AREA", reaches);
        Assert.Equal(reaches.OrderBy(r => r == "SERVICE_AREA"), reaches);
        Assert.All(
            response.DataOrFail()["services"]!["edges"]!.AsArray().Where(e => Reach(e) == "SERVICE_AREA"),
            e => Assert.True(e!["distanceKm"] is null || e["distanceKm"]!.GetValue<double>() > 3.0, e.ToJsonString()));
    }

    [Fact]
    public async Task NearMeResultsAreOrderedByReachThenDistanceThenId()
    {
        var response = await _client.RunAsync("ServiceIds", new { near = Sidmouth, radiusKm = 25.0, first = 100 });

        var edges = response.DataOrFail()["services"]!["edges"]!.AsArray();
        var keys = edges.Select(e => (
            Reach: Reach(e),
            Distance: e!["distanceKm"]?.GetValue<double>() ?? double.PositiveInfinity,
            Id: e["node"]!["id"]!.GetValue<string>().ToUpperInvariant())).ToList();
        var sorted = keys.OrderBy(k => k.Reach == "SERVICE_AREA").ThenBy(k => k.Distance).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public async Task DistancesAreExactGreatCircleDistancesToTheNearestLocationWhateverTheRadius()
    {
        var response = await _client.RunAsync("NearMe", new { near = Sidmouth, radiusKm = 10.0, first = 100 });

        var from = new GeoPoint(50.68, -3.239);
        foreach (var edge in response.DataOrFail()["services"]!["edges"]!.AsArray())
        {
            var nearest = edge!["node"]!["locations"]!.AsArray()
                .Where(l => l!["latitude"] is not null)
                .Select(l => (double?)GreatCircle.DistanceKm(from, new GeoPoint(l!["latitude"]!.GetValue<double>(), l["longitude"]!.GetValue<double>())))
                .Min();
            var distance = edge["distanceKm"]?.GetValue<double>();
            Assert.Equal(nearest is null, distance is null);
            Assert.Equal(nearest ?? 0, distance ?? 0, precision: 6);
        }
    }

    [Theory]
    [InlineData(50, 0, 51, 0, 111.1951)]        // one degree of latitude: πR/180
    [InlineData(0, 0, 0, 90, 10007.5572)]       // a quarter of the equator: πR/2
    [InlineData(0, 0, 0, 180, 20015.1144)]      // antipodes: πR
    [InlineData(50.68, -3.239, 50.68, -3.239, 0)]
    public void GreatCircleDistancesMatchKnownValues(double lat1, double lon1, double lat2, double lon2, double expectedKm)
    {
        Assert.Equal(expectedKm, GreatCircle.DistanceKm(new GeoPoint(lat1, lon1), new GeoPoint(lat2, lon2)), precision: 3);
    }

    [Fact]
    public async Task AServiceAreaCoversPointsWithNoLocationNearby()
    {
        // A point inland in the Sid Valley, away from any venue: area-wide services reach it.
        var response = await _client.RunAsync("ServiceIds", new { near = new { latitude = 50.7150, longitude = -3.2250 }, radiusKm = 0.5, first = 100 });

        var edges = response.DataOrFail()["services"]!["edges"]!.AsArray();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Equal("SERVICE_AREA", Reach(e)));
        Assert.All(edges, e => Assert.True(e!["distanceKm"] is null || e["distanceKm"]!.GetValue<double>() > 0.5));
    }

    [Fact]
    public async Task APostcodeSearchesAroundItsDistrict()
    {
        var byPostcode = await _client.RunAsync("ServiceIds", new { postcode = "ex108xx", radiusKm = 10.0, first = 100 });
        var byPoint = await _client.RunAsync("ServiceIds", new { near = Sidmouth, radiusKm = 10.0, first = 100 });

        var postcodeIds = Ids(byPostcode);
        var pointIds = Ids(byPoint);
        Assert.True(postcodeIds.Count >= 10);
        // The district centre is about a kilometre from the town centre: nearly the same services.
        Assert.True(postcodeIds.Intersect(pointIds).Count() >= 0.9 * Math.Min(postcodeIds.Count, pointIds.Count));
    }

    [Fact]
    public async Task NearSidmouthMatchesTheSnapshot()
    {
        var response = await _client.RunAsync("NearMe", new { near = Sidmouth, radiusKm = 5.0, first = 10 });
        Snapshot.Match(response.Pretty());
    }

    [Fact]
    public async Task PostcodeSearchMatchesTheSnapshot()
    {
        var response = await _client.RunAsync("NearMe", new { postcode = "EX10 8XX", radiusKm = 3.0, first = 10 });
        Snapshot.Match(response.Pretty());
    }

    private static string Reach(JsonNode? edge) => edge!["reach"]!.GetValue<string>();

    private static HashSet<string> Ids(GraphQLResponse response) =>
        response.DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToHashSet();
}
