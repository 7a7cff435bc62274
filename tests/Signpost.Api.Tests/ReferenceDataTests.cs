using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class ReferenceDataTests(DirectoryApiFactory api)
{
    private readonly GraphQLClient _client = new(api.CreateClient());

    [Fact]
    public async Task PostcodeDistrictsListEveryKnownDistrictWithTheSameCentreAsGeocode()
    {
        var response = await _client.RunAsync("ReferenceData");

        var districts = response.DataOrFail()["postcodeDistricts"]!.AsArray();
        Assert.True(districts.Count >= 100, $"only {districts.Count} districts");
        var outcodes = districts.Select(d => d!["outcode"]!.GetValue<string>()).ToList();
        Assert.Equal(outcodes.Order(StringComparer.Ordinal), outcodes);

        var ex10 = districts.Single(d => d!["outcode"]!.GetValue<string>() == "EX10")!;
        var geocoded = (await _client.RunAsync("Geocode", new { postcode = "EX10 8XX" })).DataOrFail()["geocode"]!;
        Assert.Equal(geocoded["latitude"]!.GetValue<double>(), ex10["latitude"]!.GetValue<double>());
        Assert.Equal(geocoded["longitude"]!.GetValue<double>(), ex10["longitude"]!.GetValue<double>());
        Assert.Equal("Sidmouth", ex10["place"]!.GetValue<string>());
    }

    [Fact]
    public async Task BankHolidaysAreListedInDateOrderAndIncludeChristmasDay()
    {
        var response = await _client.RunAsync("ReferenceData");

        var days = response.DataOrFail()["bankHolidays"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        Assert.Contains("2026-12-25", days);
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
    }
}
