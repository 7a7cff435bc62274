using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class BadInputTests(DirectoryApiFactory api)
{
    private readonly GraphQLClient _client = new(api.CreateClient());

    public static TheoryData<string, object, string> BadSearches => new()
    {
        { "latitude above 90", new { near = new { latitude = 90.5, longitude = 0.0 } }, "near.latitude" },
        { "latitude below -90", new { near = new { latitude = -91.0, longitude = 0.0 } }, "near.latitude" },
        { "longitude above 180", new { near = new { latitude = 50.0, longitude = 180.01 } }, "near.longitude" },
        { "longitude below -180", new { near = new { latitude = 50.0, longitude = -200.0 } }, "near.longitude" },
        { "radius zero", new { near = NearMeSearchTests.Sidmouth, radiusKm = 0.0 }, "radiusKm" },
        { "radius negative", new { near = NearMeSearchTests.Sidmouth, radiusKm = -5.0 }, "radiusKm" },
        { "radius too large", new { near = NearMeSearchTests.Sidmouth, radiusKm = 200.5 }, "radiusKm" },
        { "radius without a point", new { radiusKm = 5.0 }, "radiusKm" },
        { "first zero", new { first = 0 }, "first" },
        { "first over 100", new { first = 101 }, "first" },
        { "malformed cursor", new { after = "not-a-cursor" }, "after" },
        { "base64 but not a cursor", new { after = "eyJmb28iOjF9" }, "after" },
        { "unknown category id", new { categories = new[] { "00000000-0000-0000-0000-000000000001" } }, "categories[0]" },
        { "category id that is not a UUID", new { categories = new[] { "dementia" } }, "categories[0]" },
        { "malformed postcode", new { postcode = "NOT A POSTCODE" } , "postcode" },
        { "postcode with bad inward letters", new { postcode = "EX10 8CI" }, "postcode" },
        { "near and postcode both", new { near = NearMeSearchTests.Sidmouth, postcode = "EX10 8XX" }, "postcode" },
        { "age negative", new { age = -1 }, "age" },
        { "age too old", new { age = 130 }, "age" },
        { "text too long", new { text = new string('a', 201) }, "text" },
        { "openAt with openNow", new { openAt = "2026-11-24T10:00:00Z", openNow = true }, "openAt" },
        { "blank language", new { language = "  " }, "language" },
        { "distance order without a point", new { orderBy = "DISTANCE" }, "orderBy" },
        { "relevance order without text", new { near = NearMeSearchTests.Sidmouth, orderBy = "RELEVANCE" }, "orderBy" },
    };

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task BadSearchInputIsABadUserInputErrorNamingTheField(string why, object variables, string field)
    {
        var response = await _client.RunAsync("ServiceIds", variables);

        Assert.True(response.Errors is { Count: > 0 }, $"{why}: {response}");
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal(field, response.Error["extensions"]!["field"]!.GetValue<string>());
        Assert.StartsWith(field + ":", response.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACursorFromTheEarlierSearchContractIsRefusedWithAClearReason()
    {
        // The shape cursors had before reach groups: order, distance, rank, name, id.
        var old = System.Buffers.Text.Base64Url.EncodeToString(
            """{"o":0,"d":0,"r":null,"n":null,"i":"3e42b9b9-d95f-5c01-a689-cad25ff9baf5"}"""u8);

        var response = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, after = old });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal("after", response.Error["extensions"]!["field"]!.GetValue<string>());
        Assert.Contains("earlier version of the search", response.Error["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(5.0)]
    [InlineData(1e300)]
    public async Task ACursorWithADistanceNoSearchCouldHaveMadeIsRefused(double chord2)
    {
        var forged = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, object> { ["v"] = 2, ["o"] = 0, ["i"] = "3e42b9b9-d95f-5c01-a689-cad25ff9baf5", ["g"] = 0, ["d"] = chord2 }));

        var response = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, after = forged });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal("after", response.Error["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACursorFromAnotherOrderIsRefused()
    {
        var byName = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, orderBy = "NAME", first = 2 });
        var cursor = byName.DataOrFail()["services"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, after = cursor });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal("after", response.Error["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACursorFromAnotherKindOfSearchIsRefused()
    {
        var textSearch = await _client.RunAsync("ServiceIds", new { text = "support", first = 2 });
        var cursor = textSearch.DataOrFail()["services"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, after = cursor });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal("after", response.Error["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWellFormedPostcodeOutsideTheTableIsNotFound()
    {
        // Jersey: a real postcode, but the Channel Islands are not in the UK postcode products.
        var search = await _client.RunAsync("ServiceIds", new { postcode = "JE2 3QW" });
        var geocode = await _client.RunAsync("Geocode", new { postcode = "je23qw" });

        Assert.Equal("NOT_FOUND", search.ErrorCode);
        Assert.Equal("postcode", search.Error["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", geocode.ErrorCode);
    }

    [Theory]
    [InlineData("EX10 8XX")]
    [InlineData("ex108xx")]
    [InlineData("  Ex10   8xx ")]
    [InlineData("EX10")]
    public async Task GeocodeAcceptsAnyPostcodeForm(string postcode)
    {
        var response = await _client.RunAsync("Geocode", new { postcode });

        var point = response.DataOrFail()["geocode"]!;
        Assert.Equal(50.693, point["latitude"]!.GetValue<double>(), precision: 2);
        Assert.Equal(-3.242, point["longitude"]!.GetValue<double>(), precision: 2);
    }

    [Fact]
    public async Task AMalformedServiceIdIsBadUserInput()
    {
        var response = await _client.PostAsync("query { service(id: \"abc\") { name } }");

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal("id", response.Error["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownServiceIdIsNull()
    {
        var response = await _client.PostAsync("query { service(id: \"6f1c2a52-5e0b-4c38-9a55-0c5b8d1e7a10\") { name } }");

        Assert.Null(response.DataOrFail()["service"]);
    }

    [Fact]
    public async Task AVariableOfTheWrongTypeIsBadUserInput()
    {
        var response = await _client.RunAsync("ServiceIds", new { first = "twenty" });

        Assert.Equal(400, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Contains("first", response.Error["message"]!.GetValue<string>());
    }
}
