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
        Assert.All(services["edges"]!.AsArray(), e => Assert.InRange(e!["distanceKm"]!.GetValue<double>(), 0, 10));
    }

    [Fact]
    public async Task NearMeResultsAreOrderedByDistanceThenId()
    {
        var response = await _client.RunAsync("ServiceIds", new { near = Sidmouth, radiusKm = 25.0, first = 100 });

        var edges = response.DataOrFail()["services"]!["edges"]!.AsArray();
        var keys = edges.Select(e => (Distance: e!["distanceKm"]!.GetValue<double>(), Id: e["node"]!["id"]!.GetValue<string>().ToUpperInvariant())).ToList();
        var sorted = keys.OrderBy(k => k.Distance).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
    }

    [Fact]
    public async Task DistancesAreExactGreatCircleDistancesToTheNearestLocation()
    {
        var response = await _client.RunAsync("NearMe", new { near = Sidmouth, radiusKm = 10.0, first = 100 });

        var from = new GeoPoint(50.68, -3.239);
        foreach (var edge in response.DataOrFail()["services"]!["edges"]!.AsArray())
        {
            var distance = edge!["distanceKm"]!.GetValue<double>();
            var nearest = edge["node"]!["locations"]!.AsArray()
                .Where(l => l!["latitude"] is not null)
                .Select(l => GreatCircle.DistanceKm(from, new GeoPoint(l!["latitude"]!.GetValue<double>(), l["longitude"]!.GetValue<double>())))
                .Where(d => d <= 10)
                .DefaultIfEmpty(0) // reaches Sidmouth through its service area
                .Min();
            Assert.Equal(nearest, distance, precision: 9);
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
        Assert.All(edges, e => Assert.Equal(0, e!["distanceKm"]!.GetValue<double>()));
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

    private static HashSet<string> Ids(GraphQLResponse response) =>
        response.DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToHashSet();
}
