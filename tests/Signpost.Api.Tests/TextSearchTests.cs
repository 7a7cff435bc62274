using Signpost.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class TextSearchTests(DirectoryApiFactory api)
{
    private readonly GraphQLClient _client = new(api.CreateClient());

    [Fact]
    public async Task TextFindsServicesByTheirWordsRankedBestFirst()
    {
        var response = await _client.RunAsync("NearMe", new { text = "dementia", first = 50 });

        var edges = response.DataOrFail()["services"]!["edges"]!.AsArray();
        Assert.NotEmpty(edges);
        // The best match carries the word in its name or is filed under the Dementia category.
        var best = edges[0]!["node"]!;
        Assert.True(best["name"]!.GetValue<string>().Contains("ementia")
            || best["categories"]!.AsArray().Any(c => c!["code"]!.GetValue<string>() == "dementia"), best.ToJsonString());
        Assert.All(edges, e => Assert.Null(e!["distanceKm"]));
    }

    [Fact]
    public async Task TextSearchesCategoryNamesToo()
    {
        // "Befriending and loneliness" is a category name; a service need not say "loneliness" itself.
        var response = await _client.RunAsync("NearMe", new { text = "loneliness", first = 100 });

        var edges = response.DataOrFail()["services"]!["edges"]!.AsArray();
        Assert.Contains(edges, e => e!["node"]!["categories"]!.AsArray().Any(c => c!["code"]!.GetValue<string>() == "befriending"));
    }

    [Fact]
    public async Task TextNearAPointIsOrderedByDistanceAmongMatches()
    {
        var response = await _client.RunAsync("ServiceIds", new { near = NearMeSearchTests.Sidmouth, radiusKm = 30.0, text = "bereavement", first = 100 });

        var distances = response.DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["distanceKm"]!.GetValue<double>()).ToList();
        Assert.NotEmpty(distances);
        Assert.Equal(distances.Order().ToList(), distances);
    }

    [Fact]
    public async Task TextAndCategoryNearSidmouthMatchTheSnapshot()
    {
        var categories = await _client.RunAsync("Categories");
        var bereavement = categories.DataOrFail()["categories"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "bereavement")!["id"]!.GetValue<string>();

        var response = await _client.RunAsync("NearMe", new { near = NearMeSearchTests.Sidmouth, radiusKm = 25.0, text = "children", categories = new[] { bereavement } });
        Snapshot.Match(response.Pretty());
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("(dementia")]
    [InlineData("dementia AND OR NOT")]
    [InlineData("NEAR(dementia carers, 2)")]
    [InlineData("demen*")]
    [InlineData("'; DROP TABLE services; --")]
    [InlineData("^dementia:carers {col}")]
    [InlineData("***")]
    [InlineData("café — ☕ 🙂 über")]
    public async Task FreeTextIsNeverASyntaxError(string text)
    {
        var response = await _client.RunAsync("ServiceIds", new { text });

        Assert.Equal(200, response.Status);
        Assert.NotNull(response.DataOrFail()["services"]);
    }

    [Fact]
    public async Task OperatorWordsAreSearchedAsWords()
    {
        var plain = await _client.RunAsync("ServiceIds", new { text = "dementia carers", first = 100 });
        var withNoise = await _client.RunAsync("ServiceIds", new { text = "(dementia) \"carers\"*", first = 100 });

        Assert.Equal(plain.DataOrFail()["services"]!["totalCount"]!.GetValue<int>(), withNoise.DataOrFail()["services"]!["totalCount"]!.GetValue<int>());
        Assert.True(plain.DataOrFail()["services"]!["totalCount"]!.GetValue<int>() > 0);
    }
}
