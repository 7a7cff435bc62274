using System.Text.Json.Nodes;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>The index files that let the browser place any UK postcode or a place name, and filter services.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class FindingIndexTests(BuiltSite site)
{
    private string Index(string relative) => Path.Combine(site.Output, "index", relative);

    [Fact]
    public void ThePostcodeIndexCoversEveryUkDistrictAndKeepsTheRegionalCentres()
    {
        var districts = JsonNode.Parse(File.ReadAllText(Index("postcodes.json")))!.AsObject();

        Assert.True(districts.Count > 2_900, $"only {districts.Count} districts");
        Assert.All(new[] { "IV2", "BT1", "ZE1", "EX5", "SW1A" }, outcode => Assert.True(districts.ContainsKey(outcode), outcode));
        Assert.Equal(50.693, districts["EX10"]![0]!.GetValue<double>());
    }

    [Fact]
    public void EveryPlaceNameIsInTheOneSmallFileItsFirstLettersName()
    {
        var keys = JsonNode.Parse(File.ReadAllText(Index("places.json")))!.AsArray().Select(k => k!.GetValue<string>()).ToList();

        foreach (var key in keys)
        {
            var file = Index(Path.Combine("places", key + ".json"));
            Assert.True(new FileInfo(file).Length <= 16_000, $"{key}.json is {new FileInfo(file).Length} bytes");
            foreach (var name in JsonNode.Parse(File.ReadAllText(file))!.AsObject().Select(n => n.Key))
            {
                // The browser reads the longest listed prefix of the name: it must be this file.
                Assert.Equal(key, keys.Where(name.StartsWith).MaxBy(k => k.Length));
            }
        }
    }

    [Fact]
    public void APlaceNameSharedByPlacesInSeveralAreasListsEachOnceMostPopulousFirst()
    {
        var newport = Places("newport");

        Assert.Equal("Newport, Wales", newport[0]![3]!.GetValue<string>());
        Assert.Equal("Newport, Isle of Wight", newport[1]![3]!.GetValue<string>());
        var labels = newport.Select(p => p![3]!.GetValue<string>()).ToList();
        Assert.Equal(labels.Distinct().Count(), labels.Count);
        Assert.Single(Places("sidmouth"));
        Assert.Equal("Ottery St Mary", Places("otterystmary")[0]![0]!.GetValue<string>());
    }

    [Fact]
    public void IndexEntriesCarryTheAgeRangeAndLanguagesTheFiltersRead()
    {
        var entries = Directory.GetFiles(Index("tiles")).SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!.AsArray()).ToList();

        Assert.Contains(entries, e => e!["g"] is JsonArray { Count: 2 });
        Assert.Contains(entries, e => e!["la"] is JsonArray la && la.Any(l => l!.GetValue<string>() == "pl"));
        // English alone, as most services speak, is left out to keep tiles small.
        Assert.DoesNotContain(entries, e => e!["la"] is JsonArray { Count: 1 } la && la[0]!.GetValue<string>() == "en");
    }

    private JsonArray Places(string compact)
    {
        var keys = JsonNode.Parse(File.ReadAllText(Index("places.json")))!.AsArray().Select(k => k!.GetValue<string>());
        var key = keys.Where(compact.StartsWith).MaxBy(k => k.Length)!;
        return JsonNode.Parse(File.ReadAllText(Index(Path.Combine("places", key + ".json"))))![compact]!.AsArray();
    }
}
