using System.Diagnostics;
using System.Text.Json;
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
            ["renderSeconds"] = Math.Round(result.Render.TotalSeconds, 2),
            ["renderedPagesPerSecond"] = Math.Round(result.Manifest.Pages / result.Render.TotalSeconds),
            ["outputFiles"] = files.Length,
            ["outputMiB"] = Math.Round(files.Sum(Size) / 1048576.0, 1),
            ["htmlMiB"] = Math.Round(result.HtmlBytes / 1048576.0, 1),
            ["heaviestPage"] = Path.GetRelativePath(output, heaviest.File),
            ["heaviestPageKiB"] = Math.Round(heaviest.Bytes / 1024.0, 1),
            ["indexTiles"] = result.Index.Tiles,
            ["largestTileKiB"] = Math.Round(result.Index.LargestTileBytes / 1024.0, 1),
            ["indexMiB"] = Math.Round(result.Index.TotalBytes / 1048576.0, 2),
        };
        var path = Path.Combine(root, "bench", "results", $"site-{label}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }
}
