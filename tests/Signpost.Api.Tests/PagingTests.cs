using Signpost.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class PagingTests(DirectoryApiFactory api)
{
    private readonly GraphQLClient _client = new(api.CreateClient());

    public static TheoryData<string> Searches => new()
    {
        "near",
        "text",
        "near+text",
        "all",
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task PagingWalksEveryResultOnceInOrder(string search)
    {
        object Variables(int first, string? after) => search switch
        {
            "near" => new { near = NearMeSearchTests.Sidmouth, radiusKm = 30.0, first, after },
            "text" => new { text = "support", first, after },
            "near+text" => new { near = NearMeSearchTests.Sidmouth, radiusKm = 60.0, text = "support", first, after },
            _ => new { first, after },
        };

        var all = await _client.RunAsync("ServiceIds", Variables(100, null));
        var expected = all.DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
        var total = all.DataOrFail()["services"]!["totalCount"]!.GetValue<int>();
        Assert.True(expected.Count > 7, "the search must span several pages");

        var walked = new List<string>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var response = await _client.RunAsync("ServiceIds", Variables(7, after));
            var services = response.DataOrFail()["services"]!;
            Assert.Equal(total, services["totalCount"]!.GetValue<int>());
            walked.AddRange(services["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()));
            if (!services["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = services["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, walked.Take(expected.Count));
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(Math.Min(total, walked.Count), walked.Count);
    }

    [Fact]
    public async Task PagingIsStableWhenManyServicesShareADistance()
    {
        // Every area-wide service covering this point is at distance 0: ties are broken by id.
        var point = new { latitude = 50.7150, longitude = -3.2250 };
        var one = await _client.RunAsync("ServiceIds", new { near = point, radiusKm = 0.5, first = 1 });
        var rest = await _client.RunAsync("ServiceIds", new { near = point, radiusKm = 0.5, first = 100, after = one.DataOrFail()["services"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });
        var all = await _client.RunAsync("ServiceIds", new { near = point, radiusKm = 0.5, first = 100 });

        var paged = one.DataOrFail()["services"]!["edges"]!.AsArray().Concat(rest.DataOrFail()["services"]!["edges"]!.AsArray())
            .Select(e => e!["node"]!["id"]!.GetValue<string>());
        Assert.Equal(all.DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()), paged);
    }

    [Fact]
    public async Task APageAfterTheLastIsEmptyButKeepsTheTotal()
    {
        var all = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, radiusKm = 5.0, first = 100 });
        var end = all.DataOrFail()["services"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var after = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, radiusKm = 5.0, first = 10, after = end });

        Assert.Empty(after.DataOrFail()["services"]!["edges"]!.AsArray());
        Assert.Equal(all.DataOrFail()["services"]!["totalCount"]!.GetValue<int>(), after.DataOrFail()["services"]!["totalCount"]!.GetValue<int>());
        Assert.False(after.DataOrFail()["services"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TheSecondPageNearSidmouthMatchesTheSnapshot()
    {
        var first = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, radiusKm = 10.0, first = 5 });
        var second = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, radiusKm = 10.0, first = 5, after = first.DataOrFail()["services"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });
        Snapshot.Match(second.Pretty());
    }
}
