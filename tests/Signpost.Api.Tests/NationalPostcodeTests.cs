using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Every UK postcode district is known, not only those of the regions the seed data covers.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class NationalPostcodeTests(DirectoryApiFactory api)
{
    private readonly GraphQLClient _client = new(api.CreateClient());

    [Theory]
    [InlineData("IV2 3AB", 57.46831, -4.18534)]   // Inverness
    [InlineData("BT1 1AA", 54.59956, -5.92804)]   // Belfast
    [InlineData("ZE1 0AA", 60.15140, -1.17138)]   // Lerwick, Shetland
    public async Task APostcodeInADistrictNoRegionListsIsSearchedFromItsDistrictCentre(string postcode, double latitude, double longitude)
    {
        var search = await _client.RunAsync("ServiceIds", new { postcode, radiusKm = 10.0, first = 5 });
        var geocoded = (await _client.RunAsync("Geocode", new { postcode })).DataOrFail()["geocode"]!;

        Assert.Equal(0, search.DataOrFail()["services"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(latitude, geocoded["latitude"]!.GetValue<double>());
        Assert.Equal(longitude, geocoded["longitude"]!.GetValue<double>());
    }

    [Fact]
    public async Task APostcodeInANationalDistrictFindsTheServicesAroundIt()
    {
        // EX5 (the villages east of Exeter) is in no regional table; Sidmouth is about 15 km away.
        var response = await _client.RunAsync("ServiceIds", new { postcode = "EX5 1AA", radiusKm = 25.0, first = 10 });

        var edges = response.DataOrFail()["services"]!["edges"]!.AsArray();
        Assert.NotEmpty(edges);
        Assert.All(edges.Where(e => e!["reach"]!.GetValue<string>() == "LOCATION"), e => Assert.InRange(e!["distanceKm"]!.GetValue<double>(), 0, 25));
    }

    [Fact]
    public async Task ARegionalDistrictKeepsItsOwnCentreAndPlaceName()
    {
        var districts = (await _client.RunAsync("ReferenceData")).DataOrFail()["postcodeDistricts"]!.AsArray();

        var ex10 = districts.Single(d => d!["outcode"]!.GetValue<string>() == "EX10")!;
        Assert.Equal("Sidmouth", ex10["place"]!.GetValue<string>());
        Assert.Equal(50.6930, ex10["latitude"]!.GetValue<double>(), 4);
        Assert.Equal(-3.2420, ex10["longitude"]!.GetValue<double>(), 4);
        Assert.True(districts.Count > 2_900, $"only {districts.Count} districts");
    }
}
