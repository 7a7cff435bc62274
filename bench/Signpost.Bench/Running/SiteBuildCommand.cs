using System.Diagnostics;
using System.Text.Json;
using Signpost.Geo;
using Signpost.Site;
using Signpost.Site.Api;

namespace Signpost.Bench.Running;

/// <summary>
/// Times a whole static-site build from the Release API over loopback, as the nightly build
/// runs it: fetch, render (pages per second), index, sitemap, link check, publish. Writes
/// bench/results/site-&lt;label&gt;.json.
/// </summary>
public static class SiteBuildCommand
{
    private static readonly (string Name, GeoPoint Point)[] SearchPlaces =
    [
        ("central London", new(51.5074, -0.1278)), ("Manchester", new(53.4808, -2.2426)), ("Birmingham", new(52.4862, -1.8904)),
        ("Leeds", new(53.7997, -1.5492)), ("Sidmouth", new(50.68, -3.239)), ("rural Pennines", new(54.25, -2.2)),
    ];

    public static async Task<int> RunAsync(string databasePath, string label)
    {
        var root = RunCommand.RepositoryRoot();
        var apiDll = Path.Combine(root, "api", "bin", "Release", "net10.0", "Signpost.Api.dll");
        if (!File.Exists(apiDll))
        {
            Console.Error.WriteLine($"Build the API first: dotnet build -c Release Directory.sln ({apiDll} is missing).");
            return 2;
        }

        databasePath = Path.GetFullPath(databasePath);
        var output = Path.Combine(root, "bench", "data", $"site-{label}");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true); // measure a first build, not a comparison with the last
        }

        var address = new Uri("http://127.0.0.1:5093");
        await using var api = await ServerProcess.StartAsync(apiDll,
            $"--urls {address} --Database:ConnectionString=\"Data Source={databasePath}\" --Database:SeedOnStartup=false --Logging:LogLevel:Default=Warning",
            address, async http => (await http.GetAsync("/graphql?query=%7B__typename%7D")).IsSuccessStatusCode);

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var options = new SiteOptions { Output = output, BaseUrl = "https://signpost.example.org/" };
        var log = new BuildLog(Console.Out);
        var clock = Stopwatch.StartNew();
        var result = await new Publisher(new SiteBuilder(new DirectoryApiClient(http, new Uri(address, "graphql")), options, log), options, log)
            .PublishAsync(CancellationToken.None);
        clock.Stop();

        var files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        var assets = Path.Combine(output, "assets");
        long Size(string file) => new FileInfo(file).Length;
        var css = Size(Path.Combine(assets, "site.css")) + Size(Path.Combine(assets, "print.css"));
        var js = Size(Path.Combine(assets, "search.js"));
        var heaviest = files.Where(f => f.EndsWith(".html", StringComparison.Ordinal))
            .Select(f => (File: f, Bytes: Size(f) + css + (File.ReadAllText(f).Contains("/assets/search.js", StringComparison.Ordinal) ? js : 0)))
            .MaxBy(p => p.Bytes);

        var results = new Dictionary<string, object>
        {
            ["label"] = label,
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            ["services"] = result.Manifest.Services,
            ["pages"] = result.Manifest.Pages,
            ["buildSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 2),
            ["fetchSeconds"] = Math.Round(result.Fetch.TotalSeconds, 2),
            ["renderAndWriteSeconds"] = Math.Round(result.RenderStep.TotalSeconds, 2),
            ["renderedAndWrittenPagesPerSecond"] = Math.Round(result.Manifest.Pages / result.RenderStep.TotalSeconds),
            ["rendererSecondsPerWorker"] = Math.Round(result.Render.RenderTime.TotalSeconds / result.Render.Workers, 2),
            ["writeSecondsPerWorker"] = Math.Round(result.Render.WriteTime.TotalSeconds / result.Render.Workers, 2),
            ["renderedPagesPerSecond"] = Math.Round(result.Render.RenderedPagesPerSecond),
            ["textIndexSeconds"] = Math.Round(result.TextIndex.TotalSeconds, 2),
            ["outputFiles"] = files.Length,
            ["outputMiB"] = Math.Round(files.Sum(Size) / 1048576.0, 1),
            ["htmlMiB"] = Math.Round(result.Render.Bytes / 1048576.0, 1),
            ["heaviestPage"] = Path.GetRelativePath(output, heaviest.File),
            ["heaviestPageKiB"] = Math.Round(heaviest.Bytes / 1024.0, 1),
            ["indexTiles"] = result.Index.Tiles,
            ["indexAreaTiles"] = result.Index.AreaTiles,
            ["indexMetaKiB"] = Math.Round(result.Index.MetaBytes / 1024.0, 1),
            ["largestTileKiB"] = Math.Round(result.Index.LargestTileBytes / 1024.0, 1),
            ["indexMiB"] = Math.Round(result.Index.TotalBytes / 1048576.0, 2),
        };
        // The finder other sites embed: what a page that adds it downloads (raw and gzipped, level 9 as a CDN serves it).
        var finder = File.ReadAllBytes(Path.Combine(assets, "signpost-finder.js"));
        results["finderScriptBytes"] = finder.Length;
        results["finderScriptGzipBytes"] = GzipBytes(finder);
        results["searchDownloads"] = SearchPlaces.Select(place => SearchDownload(output, place.Name, place.Point)).ToList();

        var path = Path.Combine(root, "bench", "results", $"site-{label}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static long GzipBytes(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return compressed.Length;
    }

    /// <summary>
    /// What a 10-mile search from <paramref name="point"/> downloads from the index, by the rule in
    /// site/assets/search.js: the area tile holding the point, then place tiles nearest first while
    /// they fit a 200 KB budget; the radius shrinks to the nearest tile left out.
    /// </summary>
    private static object SearchDownload(string site, string name, GeoPoint point)
    {
        const double radiusKm = 10 * 1.609344;
        const int budget = 200_000;
        var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "index", "meta.json"))).RootElement;
        var root = meta.GetProperty("root").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        IEnumerable<(string Key, int Bytes, double Km)> Tiles(string list) => meta.GetProperty(list).EnumerateArray()
            .Select(t => (t[0].GetString()!, t[1].GetInt32(), TileDistanceKm(t[0].GetString()!, root, point)));

        var area = Tiles("areas").Where(t => t.Km == 0).Take(1).ToList();
        var (files, bytes, reachKm) = (area.Count, area.Sum(t => t.Bytes), radiusKm);
        foreach (var tile in Tiles("tiles").Where(t => t.Km <= radiusKm).OrderBy(t => t.Km))
        {
            if (files > 0 && bytes + tile.Bytes > budget)
            {
                reachKm = tile.Km;
                break;
            }

            (files, bytes) = (files + 1, bytes + tile.Bytes);
        }

        return new { place = name, files, kib = Math.Round(bytes / 1024.0, 1), completeWithinMiles = Math.Round(reachKm / 1.609344, 1) };
    }

    private static double TileDistanceKm(string key, double[] root, GeoPoint p)
    {
        var (south, west, north, east) = (root[0], root[1], root[2], root[3]);
        foreach (var q in key[1..].Select(c => c - '0'))
        {
            var (midLat, midLon) = ((south + north) / 2, (west + east) / 2);
            if ((q & 2) != 0) south = midLat; else north = midLat;
            if ((q & 1) != 0) west = midLon; else east = midLon;
        }

        return GreatCircle.DistanceKm(p, new GeoPoint(Math.Clamp(p.Latitude, south, north), Math.Clamp(p.Longitude, west, east)));
    }
}
