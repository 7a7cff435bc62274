using System.Text.Json.Nodes;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// The browser's search index: split into tiles, every service findable in the tile that holds it,
/// each entry in its short format; and the shortlist's small details file for each service.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class SearchIndexTests(BuiltSite site) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-index-").FullName;

    [Fact]
    public async Task SmallTilesStillPlaceEveryServiceInTheTileThatHoldsEachOfItsPlaces()
    {
        var options = site.OptionsWithoutWordSearch(Path.Combine(_root, "site"));
        options.MaxTileBytes = 4_000; // force the quadtree deep, as a national directory would
        await site.PublishAsync(options);
        var index = Path.Combine(options.Output, "index");
        var meta = JsonNode.Parse(File.ReadAllText(Path.Combine(index, "meta.json")))!;
        var keys = meta["tiles"]!.AsArray().Select(t => t![0]!.GetValue<string>()).ToList();
        Assert.True(keys.Count > 20, $"only {keys.Count} tiles");

        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        foreach (var service in services)
        {
            foreach (var place in service.Locations.Where(l => l.Latitude is not null))
            {
                var key = LeafHolding(keys, place.Latitude!.Value, place.Longitude!.Value);
                var tile = JsonNode.Parse(File.ReadAllText(Path.Combine(index, "tiles", key + ".json")))!.AsArray();
                Assert.Contains(tile, e => e!["i"]!.GetValue<string>() == service.Id);
                Assert.True(new FileInfo(Path.Combine(index, "tiles", key + ".json")).Length <= 4_000 || key.Length > 16, $"tile {key} is too big");
            }
        }
    }

    [Fact]
    public void ServicesThatReachPeopleThroughAnAreaAreInTheAreaTilesWithTheirPolygon()
    {
        var areas = Directory.GetFiles(Path.Combine(site.Output, "index", "areas"))
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray()).ToList();

        Assert.NotEmpty(areas);
        Assert.All(areas, e => Assert.NotEmpty(e!["a"]!.AsArray()));
        var tiles = Directory.GetFiles(Path.Combine(site.Output, "index", "tiles"))
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray());
        Assert.All(tiles, e => Assert.Null(e!["a"])); // polygons travel only in the one area tile a search needs
    }

    [Fact]
    public void EachTileEntryCarriesWhatAResultShowsInShortKeys()
    {
        var entries = Directory.GetFiles(Path.Combine(site.Output, "index", "tiles"))
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray())
            .GroupBy(e => e!["i"]!.GetValue<string>()) // a service with several places is in each of their tiles
            .ToDictionary(g => g.Key, g => g.First()!.AsObject());

        // p phone (its own, else its organisation's), f free or m costs money, g ages [minimum, maximum], v last checked, d addresses.
        var peers = entries["5a3e0000-0000-5000-8000-000000000011"];
        var expected = JsonNode.Parse("""
            {"i":"5a3e0000-0000-5000-8000-000000000011","n":"Anxiety peer group","o":"Beckington Wellbeing Trust",
             "u":"/services/anxiety-peer-group-5a3e0000/","t":"Beckington","c":["mental-health-peer"],"l":[[51.2665,-2.2885]],
             "m":1,"p":"01632 960555","v":"2024-03-10","d":["Bath Road, Beckington BA11 6SL"],"g":[16,25],"la":[],
             "h":[["WEEKLY","TH",1,"14:00","16:00",null,null,null,null]]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, peers), peers.ToJsonString());
        var talking = entries["5a3e0000-0000-5000-8000-000000000012"];
        Assert.Equal(1, talking["f"]!.GetValue<int>());
        Assert.Null(talking["m"]);
        Assert.Equal("01632 960556", talking["p"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[null,5]"), talking["g"]), talking.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("[18,null]"), entries["5a3e0000-0000-5000-8000-000000000010"]["g"]), entries["5a3e0000-0000-5000-8000-000000000010"].ToJsonString());
    }

    [Fact]
    public void EachServiceHasASmallDetailsFileForTheShortlist()
    {
        var details = JsonNode.Parse(File.ReadAllText(Path.Combine(site.Output, "index", "services", "5a3e0000-0000-5000-8000-000000000011.json")));

        var expected = JsonNode.Parse("""
            {"n":"Anxiety peer group","o":"Beckington Wellbeing Trust","u":"https://signpost.example.org/services/anxiety-peer-group-5a3e0000/",
             "p":"01632 960555","a":["Bath Road, Beckington BA11 6SL"],"h":["Thursdays, 2pm–4pm"]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, details), details!.ToJsonString());
        var sizes = Directory.GetFiles(Path.Combine(site.Output, "index", "services")).Select(f => new FileInfo(f).Length).ToList();
        Assert.True(sizes.Max() < 2_000, $"the largest details file is {sizes.Max():N0} bytes");
    }

    public void Dispose() => SiteApiFactory.TryDelete(_root);

    /// <summary>The leaf tile whose quarter path leads to the point (the rule the generator splits by).</summary>
    private static string LeafHolding(List<string> keys, double lat, double lon)
    {
        var b = WriteSearchIndex.Root;
        var key = "t";
        while (!keys.Contains(key))
        {
            var q = b.QuarterOf(lat, lon);
            b = b.Quarters()[q];
            key += q;
            Assert.True(key.Length < 30, $"no tile holds {lat},{lon}");
        }

        return key;
    }
}
