using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Signpost.Site.Api;
using Signpost.Site.Pages;

namespace Signpost.Site;

/// <summary>
/// Step 5: the compact JSON index the browser searches, so a resident's location never leaves it.
/// <list type="bullet">
/// <item><c>index/meta.json</c>: categories, bank holidays, whether there is text search, and the tiles with their sizes.</item>
/// <item><c>index/postcodes.json</c>: district centres, so a postcode becomes a point in the browser.</item>
/// <item><c>index/tiles/{key}.json</c>: the services with a place in one tile. A search fetches
/// the tiles its circle touches, nearest first, within a download budget.</item>
/// <item><c>index/areas/{key}.json</c>: the services whose service area overlaps one tile, with
/// their polygons. Whether an area covers the resident depends only on their point, so a search
/// fetches just the one area tile that holds it.</item>
/// </list>
/// Both are quadtrees over Great Britain and Northern Ireland: a tile bigger than
/// <see cref="SiteOptions.MaxTileBytes"/> is split in four, so dense cities get small tiles. A
/// tile's key is its path from the root ("t" then 0 south-west, 1 south-east, 2 north-west,
/// 3 north-east), so the browser works out its bounds from the key alone.
/// </summary>
public static class WriteSearchIndex
{
    // The root tile: every UK postcode's latitude and longitude falls inside it.
    public static readonly Bounds Root = new(49.0, -9.0, 61.0, 2.0);

    // Points part: splitting always separates them, so this only guards against many services at one spot.
    private const int MaxPointDepth = 16;

    // Areas overlap, so splitting cannot always shrink a tile; stop at about 1.5 km.
    private const int MaxAreaDepth = 10;

    /// <param name="textSearch">Whether the pages have a Pagefind index, so the browser offers search by words.</param>
    public static IndexSummary Run(SiteModel site, string outputFolder, bool textSearch)
    {
        var folder = Path.Combine(outputFolder, "index");
        var services = site.Services.Select(s => (Entry: s, Points: Points(s.Service), Areas: AreaRings.Of(s.Service))).ToList();

        var placed = services.Where(s => s.Points.Count > 0)
            .Select(s => new IndexEntry(Json(site, s.Entry, withAreas: false), s.Points, [])).ToList();
        var covering = services.Where(s => s.Areas.Count > 0)
            .Select(s => new IndexEntry(Json(site, s.Entry, withAreas: true), [], s.Areas)).ToList();

        var tiles = new List<Tile>();
        Split(Path.Combine(folder, "tiles"), "t", Root, placed, 0, MaxPointDepth, site.Options.MaxTileBytes, tiles);
        var areaTiles = new List<Tile>();
        Split(Path.Combine(folder, "areas"), "t", Root, covering, 0, MaxAreaDepth, site.Options.MaxTileBytes, areaTiles);

        var meta = new JsonObject
        {
            ["categories"] = new JsonArray(site.Categories.Select(c => (JsonNode)new JsonArray(c.Category.Code, c.Category.Name, c.Parent?.Code)).ToArray()),
            ["bankHolidays"] = new JsonArray(site.Reference.BankHolidays.Select(d => (JsonNode)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray()),
            ["textSearch"] = textSearch,
            ["root"] = new JsonArray(Root.South, Root.West, Root.North, Root.East),
            ["tiles"] = Listing(tiles),
            ["areas"] = Listing(areaTiles),
        };
        File.WriteAllText(Path.Combine(folder, "meta.json"), meta.ToJsonString());

        var postcodes = new JsonObject();
        foreach (var d in site.Reference.PostcodeDistricts)
        {
            postcodes[d.Outcode] = new JsonArray(R(d.Latitude), R(d.Longitude));
        }

        File.WriteAllText(Path.Combine(folder, "postcodes.json"), postcodes.ToJsonString());
        var all = tiles.Concat(areaTiles).ToList();
        return new IndexSummary(tiles.Count, areaTiles.Count, all.Count == 0 ? 0 : all.Max(t => t.Bytes),
            all.Sum(t => (long)t.Bytes) + new FileInfo(Path.Combine(folder, "meta.json")).Length, new FileInfo(Path.Combine(folder, "meta.json")).Length);
    }

    /// <summary>Each tile as [key, bytes]: the browser keeps to its download budget with the sizes.</summary>
    private static JsonArray Listing(List<Tile> tiles) =>
        new(tiles.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (JsonNode)new JsonArray(t.Key, t.Bytes)).ToArray());

    private static void Split(string folder, string key, Bounds bounds, List<IndexEntry> entries, int depth, int maxDepth, int maxBytes, List<Tile> tiles)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var bytes = entries.Sum(e => e.Json.Length + 1) + 1;
        if (bytes <= maxBytes || depth == maxDepth)
        {
            var json = "[" + string.Join(",", entries.Select(e => e.Json)) + "]";
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, key + ".json"), json);
            tiles.Add(new Tile(key, System.Text.Encoding.UTF8.GetByteCount(json)));
            return;
        }

        var quarters = bounds.Quarters();
        for (var q = 0; q < 4; q++)
        {
            var quarter = quarters[q];
            var inside = entries.Where(e => e.Points.Any(p => bounds.QuarterOf(p.Lat, p.Lon) == q) || e.Areas.Any(a => a.Overlaps(quarter))).ToList();
            Split(folder, key + q.ToString(CultureInfo.InvariantCulture), quarter, inside, depth + 1, maxDepth, maxBytes, tiles);
        }
    }

    private sealed record Tile(string Key, int Bytes);

    /// <summary>
    /// A service as a result of the browser search shows it, for search by words: the service's
    /// page carries it for Pagefind (<c>data-pagefind-meta</c>), so a word search shows the same
    /// facts as a search near a place without fetching anything more.
    /// </summary>
    public static string ResultJson(SiteModel site, ServiceEntry entry) => Json(site, entry, withAreas: false);

    /// <summary>
    /// One service as the browser needs it to place, filter, badge, describe and link it. Keys:
    /// i id, n name, o organisation, u page, t towns, c needs, l places [lat, lon], x temporarily
    /// closed, f free, m costs money, p phone, g ages ("18+", "0–5"), v last checked (yyyy-MM-dd, only when that is about 11 months ago or more),
    /// d addresses, h schedules, a service-area rings.
    /// </summary>
    private static string Json(SiteModel site, ServiceEntry entry, bool withAreas)
    {
        var s = entry.Service;
        var o = new JsonObject
        {
            ["i"] = s.Id,
            ["n"] = s.Name,
            ["o"] = s.Organization.Name,
            ["u"] = entry.Url,
            ["t"] = string.Join(", ", entry.Towns),
            ["c"] = new JsonArray(s.Categories.Select(c => (JsonNode)c.Code).ToArray()),
            ["l"] = new JsonArray(Points(s).Select(p => (JsonNode)new JsonArray(R(p.Lat), R(p.Lon))).ToArray()),
        };
        if (s.IsTemporarilyClosed)
        {
            o["x"] = 1;
        }

        if (s.IsFree)
        {
            o["f"] = 1;
        }
        else if (ResultFacts.CostsMoney(s))
        {
            o["m"] = 1;
        }

        // What people decide on from the list: whom to call, ages, when it was last checked, where.
        if (ResultFacts.Phone(s) is { } phone)
        {
            o["p"] = phone;
        }

        // Only listings near or past 12 months unchecked: the browser says "please call before you
        // go" from the day they pass it, and a nightly build adds the rest as they near it.
        if (s.LastVerified is { } verified && ResultFacts.IsStale(verified, site.Today.AddMonths(1)))
        {
            o["v"] = ScheduleWording.Day(verified);
        }

        var addresses = ResultFacts.Addresses(s);
        if (addresses.Count > 0)
        {
            o["d"] = new JsonArray(addresses.Select(a => (JsonNode)a).ToArray());
        }

        SearchIndexFilters.Add(o, s);

        var hours = s.Schedules.Select(ScheduleWording.Data).OfType<JsonNode>().ToArray();
        if (hours.Length > 0)
        {
            o["h"] = new JsonArray(hours);
        }

        var areas = withAreas ? AreaRings.Of(s) : [];
        if (areas.Count > 0)
        {
            o["a"] = new JsonArray(areas.SelectMany(a => a.Rings).Select(ring => (JsonNode)new JsonArray(ring.SelectMany(p => new JsonNode?[] { R(p.Lat), R(p.Lon) }).ToArray())).ToArray());
        }

        return o.ToJsonString();
    }

    private static double R(double value) => Math.Round(value, 5);

    private static List<(double Lat, double Lon)> Points(Service s) =>
        s.Locations.Where(l => l.Latitude is not null && l.Longitude is not null).Select(l => (l.Latitude!.Value, l.Longitude!.Value)).Distinct().ToList();

    private sealed record IndexEntry(string Json, List<(double Lat, double Lon)> Points, List<AreaRings> Areas);

    public sealed record Bounds(double South, double West, double North, double East)
    {
        /// <summary>South-west, south-east, north-west, north-east.</summary>
        public Bounds[] Quarters()
        {
            var midLat = (South + North) / 2;
            var midLon = (West + East) / 2;
            return [new(South, West, midLat, midLon), new(South, midLon, midLat, East), new(midLat, West, North, midLon), new(midLat, midLon, North, East)];
        }

        /// <summary>
        /// Which quarter holds the point: each point goes to exactly one (edges belong to the north
        /// and east one; points outside the root go to the nearest edge tile).
        /// </summary>
        public int QuarterOf(double lat, double lon) =>
            (lat >= (South + North) / 2 ? 2 : 0) + (lon >= (West + East) / 2 ? 1 : 0);

        public bool Overlaps(Bounds other) => South <= other.North && North >= other.South && West <= other.East && East >= other.West;
    }
}

public sealed record IndexSummary(int Tiles, int AreaTiles, int LargestTileBytes, long TotalBytes, long MetaBytes);
