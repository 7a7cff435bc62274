using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Geo;
using Signpost.Services;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// Walks every page of many random searches (points, radii, service areas, filters, text, page
/// sizes, orders, with and without totalCount) and compares them with an independent brute-force
/// answer worked out here from the stored services: haversine distances to every location, NTS
/// polygon tests for service areas, and the contract's ordering. Which services pass the filters
/// and text is taken from the same search without a point, so the geometry, the reach groups, the
/// ordering and the paging are what is checked.
/// </summary>
public sealed class SearchExactnessTests : IClassFixture<SearchExactnessTests.Factory>
{
    public sealed class Factory : ConfiguredDirectoryFactory
    {
        // Hundreds of pages in one test: the per-client read budget would otherwise refuse them.
        public Factory() => this["GraphQL:ReadBudgetPerMinute"] = "1000000000";
    }

    private static readonly string[] Words = ["support", "carers", "group", "advice", "mental health", "bereavement"];
    private static readonly double[] Radii = [0.3, 1, 2.5, 5, 10, 25, 60];

    private readonly Factory _api;
    private readonly GraphQLClient _client;
    private readonly Dictionary<string, List<string>> _members = [];

    public SearchExactnessTests(Factory api)
    {
        _api = api;
        _client = new GraphQLClient(api.CreateClient());
    }

    [Fact]
    public async Task EveryPageOfManyRandomSearchesMatchesABruteForceAnswer()
    {
        var directory = await StoredDirectory.LoadAsync(_api.Services);
        var random = new Random(2026);
        var searches = 0;
        var pages = 0;
        var reachingByArea = 0;
        while (searches < 150)
        {
            var search = RandomSearch(random, directory);
            var expected = await ExpectedAsync(directory, search);
            var (walked, pageCount) = await WalkAsync(search, expected.Count);
            pages += pageCount;
            searches++;
            reachingByArea += walked.Any(w => w.Reach == "SERVICE_AREA") && walked.Any(w => w.Reach == "LOCATION") ? 1 : 0;

            var context = $"search {searches}: {System.Text.Json.JsonSerializer.Serialize(search)}";
            Assert.True(expected.Select(e => e.Id).SequenceEqual(walked.Select(w => w.Id)),
                $"{context}\nexpected {string.Join(", ", expected.Take(40).Select(e => $"{e.Id[..8]} {e.Reach} {e.DistanceKm:0.######}"))}\nwalked   {string.Join(", ", walked.Take(40).Select(w => $"{w.Id[..8]} {w.Reach} {w.DistanceKm:0.######}"))}");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Reach, walked[i].Reach);
                Assert.Equal(expected[i].DistanceKm is null, walked[i].DistanceKm is null);
                Assert.Equal(expected[i].DistanceKm ?? 0, walked[i].DistanceKm ?? 0, 6);
            }
        }

        Assert.True(pages > 500, $"only {pages} pages walked");
        Assert.True(reachingByArea > 10, $"only {reachingByArea} searches reached past the locations into the service areas");
    }

    [Fact]
    public async Task OrdersWithoutAPointFollowTheirKeys()
    {
        var directory = await StoredDirectory.LoadAsync(_api.Services);
        foreach (var order in new[] { "NAME", "LAST_VERIFIED", "RECENTLY_ADDED" })
        {
            var ids = await MembersAsync(new Search(null, 10, null, null, null, null, false, order, 30, false));
            var expected = directory.Listed.Values.ToList();
            expected.Sort(order switch
            {
                "NAME" => (a, b) => NoCase(a.Name, b.Name) is var c and not 0 ? c : string.CompareOrdinal(a.Id, b.Id),
                "LAST_VERIFIED" => (a, b) => string.CompareOrdinal(b.AssuredDate ?? "", a.AssuredDate ?? "") is var c and not 0 ? c : string.CompareOrdinal(a.Id, b.Id),
                _ => (a, b) => b.RowId.CompareTo(a.RowId),
            });
            Assert.Equal(expected.Select(s => s.Id), ids);
        }
    }

    /// <summary>SQLite's NOCASE: ASCII letters fold, everything else compares as is.</summary>
    private static int NoCase(string a, string b) =>
        string.CompareOrdinal(new string(a.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c).ToArray()), new string(b.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c).ToArray()));

    private sealed record Search(
        object? Near, double RadiusKm, string? Text, string? Category, bool? Free, int? Age, bool OpenAt,
        string OrderBy, int First, bool WithCount);

    private sealed record Result(string Id, string? Reach, double? DistanceKm);

    private static Search RandomSearch(Random random, StoredDirectory directory)
    {
        // Around a venue, or inside a service area away from venues, jittered by up to ~5 km.
        var (lat, lon) = random.Next(3) == 0 && directory.AreaCentres.Count > 0
            ? directory.AreaCentres[random.Next(directory.AreaCentres.Count)]
            : directory.Venues[random.Next(directory.Venues.Count)];
        var near = new { latitude = Math.Round(lat + (random.NextDouble() - 0.5) * 0.08, 5), longitude = Math.Round(lon + (random.NextDouble() - 0.5) * 0.12, 5) };
        var filter = random.Next(8);
        var text = filter == 1 || filter == 6 ? Words[random.Next(Words.Length)] : null;
        var orders = text is null ? new[] { "DISTANCE", "DISTANCE", "DISTANCE", "NAME", "LAST_VERIFIED", "RECENTLY_ADDED" } : ["DISTANCE", "DISTANCE", "RELEVANCE", "NAME"];
        return new Search(
            near,
            Radii[random.Next(Radii.Length)],
            text,
            filter == 2 || filter == 6 ? directory.Categories[random.Next(directory.Categories.Count)] : null,
            filter == 3 ? random.Next(2) == 0 : null,
            filter == 4 ? random.Next(3, 90) : null,
            filter == 5,
            orders[random.Next(orders.Length)],
            random.Next(1, 11),
            random.Next(2) == 0);
    }

    private async Task<List<Result>> ExpectedAsync(StoredDirectory directory, Search search)
    {
        // Which services pass the filters and text, in the order's own terms when it is not distance.
        var members = await MembersAsync(search with { Near = null, OrderBy = search.OrderBy == "DISTANCE" ? "NAME" : search.OrderBy });
        var point = new GeoPoint(
            (double)search.Near!.GetType().GetProperty("latitude")!.GetValue(search.Near)!,
            (double)search.Near.GetType().GetProperty("longitude")!.GetValue(search.Near)!);

        var reached = new List<(Result Result, int Group, double Distance)>();
        foreach (var id in members)
        {
            var service = directory.Listed[id];
            double? nearest = service.Locations.Count == 0 ? null : service.Locations.Min(l => GreatCircle.DistanceKm(point, l));
            if (nearest <= search.RadiusKm)
            {
                reached.Add((new Result(id, "LOCATION", nearest), 0, nearest.Value));
            }
            else if (service.Areas.Any(a => a.Covers(point)))
            {
                reached.Add((new Result(id, "SERVICE_AREA", nearest), 1, nearest ?? double.PositiveInfinity));
            }
        }

        if (search.OrderBy == "DISTANCE")
        {
            return reached.OrderBy(r => r.Group).ThenBy(r => r.Distance).ThenBy(r => r.Result.Id, StringComparer.Ordinal).Select(r => r.Result).ToList();
        }

        return reached.Select(r => r.Result).ToList(); // already in the order's terms
    }

    /// <summary>Every page of the search, checking the count and the paging as it goes.</summary>
    private async Task<(List<Result> Results, int Pages)> WalkAsync(Search search, int? expectedCount)
    {
        var results = new List<Result>();
        string? after = null;
        for (var page = 1; page <= 2000; page++)
        {
            var response = await _client.RunAsync("ServiceIds", Variables(search, after));
            var services = response.DataOrFail()["services"]!;
            if (search.WithCount)
            {
                Assert.Equal(expectedCount!.Value, services["totalCount"]!.GetValue<int>());
            }
            else
            {
                Assert.Null(services["totalCount"]);
            }

            var edges = services["edges"]!.AsArray();
            results.AddRange(edges.Select(e => new Result(
                e!["node"]!["id"]!.GetValue<string>().ToUpperInvariant(),
                e["reach"]?.GetValue<string>(),
                e["distanceKm"]?.GetValue<double>())));
            var hasNext = services["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            if (expectedCount is not null)
            {
                Assert.Equal(hasNext, results.Count < expectedCount);
            }

            if (!hasNext)
            {
                return (results, page);
            }

            Assert.Equal(search.First, edges.Count);
            after = services["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        throw new Xunit.Sdk.XunitException("paging did not end");
    }

    /// <summary>The ids a search without a point returns, every page, in its order (cached per search).</summary>
    private async Task<List<string>> MembersAsync(Search search)
    {
        var all = search with { First = 100, WithCount = false };
        var key = System.Text.Json.JsonSerializer.Serialize(all);
        if (_members.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var (results, _) = await WalkAsync(all, null);
        var ids = results.Select(r => r.Id).ToList();
        _members[key] = ids;
        return ids;
    }

    private static object Variables(Search search, string? after) => new Dictionary<string, object?>
    {
        ["near"] = search.Near,
        ["radiusKm"] = search.Near is null ? null : search.RadiusKm,
        ["text"] = search.Text,
        ["categories"] = search.Category is null ? null : new[] { search.Category },
        ["free"] = search.Free,
        ["age"] = search.Age,
        ["openAt"] = search.OpenAt ? "2026-11-24T10:30:00Z" : null,
        ["orderBy"] = search.OrderBy,
        ["first"] = search.First,
        ["after"] = after,
        ["withCount"] = search.WithCount,
    };

    /// <summary>The listed services as stored, with their located places and service areas.</summary>
    private sealed record StoredDirectory(
        Dictionary<string, StoredDirectory.Listing> Listed,
        List<(double, double)> Venues,
        List<(double, double)> AreaCentres,
        List<string> Categories)
    {
        public sealed record Listing(long RowId, string Id, string Name, string? AssuredDate, List<GeoPoint> Locations, List<AreaGeometry> Areas);

        public static async Task<StoredDirectory> LoadAsync(IServiceProvider services)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var listed = await db.Services.AsNoTracking()
                .Where(s => s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed)
                .Select(s => new { s.RowId, s.Id, s.Name, s.AssuredDate })
                .ToListAsync();
            var places = await (
                from sal in db.ServiceAtLocations
                join l in db.Locations on sal.LocationId equals l.Id
                where l.Latitude != null && l.Longitude != null
                select new { sal.ServiceId, Latitude = l.Latitude!.Value, Longitude = l.Longitude!.Value }).ToListAsync();
            var areas = await db.ServiceAreas.AsNoTracking().Where(a => a.Extent != null).ToListAsync();

            var byService = listed.ToDictionary(s => s.Id, s => new Listing(
                s.RowId, s.Id.ToString("D").ToUpperInvariant(), s.Name, s.AssuredDate?.ToString("yyyy-MM-dd"), [], []));
            foreach (var place in places.Where(p => byService.ContainsKey(p.ServiceId)))
            {
                byService[place.ServiceId].Locations.Add(new GeoPoint(place.Latitude, place.Longitude));
            }

            var centres = new List<(double, double)>();
            foreach (var area in areas.Where(a => byService.ContainsKey(a.ServiceId)))
            {
                Assert.True(AreaGeometry.TryParse(area.Extent!, out var geometry, out _));
                byService[area.ServiceId].Areas.Add(geometry!);
                var centre = geometry!.Geometry.InteriorPoint;
                centres.Add((centre.Y, centre.X));
            }

            var categories = await db.Attributes.Select(a => a.TaxonomyTermId).Distinct().ToListAsync();
            return new StoredDirectory(
                byService.Values.ToDictionary(s => s.Id),
                places.Select(p => (p.Latitude, p.Longitude)).Distinct().ToList(),
                centres,
                categories.Select(c => c.ToString("D")).Order(StringComparer.Ordinal).ToList());
        }
    }
}
