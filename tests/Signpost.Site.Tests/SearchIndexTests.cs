using System.Text.Json.Nodes;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>The browser's search index: split into tiles, and every service findable in the tile that holds it.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class SearchIndexTests(BuiltSite site) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-index-").FullName;

    [Fact]
    public async Task SmallTilesStillPlaceEveryServiceInTheTileThatHoldsEachOfItsPlaces()
    {
        var options = site.Options(Path.Combine(_root, "site"));
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
