using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Signpost.Geo;

namespace Signpost.Bench.Running;

/// <summary>
/// Measures a generated directory: starts the real API (Release build) and the plain endpoint as
/// separate processes on loopback, drives them with the load generator, and writes the results to
/// bench/results/&lt;label&gt;.json plus a Markdown summary on the console.
/// </summary>
internal static class RunCommand
{
    internal static readonly GeoPoint[] DensePoints =
    [
        new(51.5072, -0.1276), new(52.4862, -1.8904), new(53.4808, -2.2426), new(53.8008, -1.5491), new(55.8642, -4.2518),
        new(51.5150, -0.0900), new(52.4800, -1.9000), new(53.4700, -2.2300), new(51.4545, -2.5879), new(53.4084, -2.9916),
    ];

    // Countryside between towns: Dartmoor, mid Wales, the Highlands, the North York Moors, the Lake District, ...
    internal static readonly GeoPoint[] RuralPoints =
    [
        new(50.5800, -3.9200), new(52.3000, -3.6000), new(57.0000, -4.5000), new(54.4000, -0.9000), new(54.5000, -3.1000),
        new(51.1500, -3.6500), new(55.2500, -2.2000), new(52.5500, 0.1000), new(51.9470, -3.3910), new(54.2330, -1.3410),
    ];

    internal static readonly string[] Postcodes =
        ["LS1 1AA", "CV1 1AA", "CR0 1AA", "PL1 1AA", "SK1 1AA", "E15 1AA", "GL1 1AA", "EX10 8XX", "LA1 1AA", "CM20 1AA", "BD21 1AA", "BA11 1AA"];

    internal static readonly string[] CategoryCodes = ["dementia", "carers-support", "befriending", "bereavement-adult", "gp-surgeries", "physical-activity"];
    internal static readonly string[] Texts = ["bereavement", "dementia carers"];

    public static async Task<int> RunAsync(string databasePath, string label, int requests, int seconds)
    {
        var root = RepositoryRoot();
        var apiDll = Path.Combine(root, "api", "bin", "Release", "net10.0", "Signpost.Api.dll");
        if (!File.Exists(apiDll))
        {
            Console.Error.WriteLine($"Build the API first: dotnet build -c Release Directory.sln ({apiDll} is missing).");
            return 2;
        }

        databasePath = Path.GetFullPath(databasePath);
        var databaseArgs = $"--Database:ConnectionString=\"Data Source={databasePath}\" --Database:SeedOnStartup=false --Logging:LogLevel:Default=Warning";
        var results = new Dictionary<string, object>
        {
            ["label"] = label,
            ["services"] = await CountServicesAsync(databasePath),
            ["databaseMiB"] = Math.Round(new FileInfo(databasePath).Length / 1048576.0),
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
        };
        if (File.Exists(databasePath + ".generate.json"))
        {
            results["generation"] = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(databasePath + ".generate.json"));
        }

        var nearPoint = Query("NearPoint");
        Latency? graphQLQuery1 = null;
        var apiAddress = new Uri("http://127.0.0.1:5091");
        await using (var api = await ServerProcess.StartAsync(apiDll, $"--urls {apiAddress} {databaseArgs}", apiAddress,
            async http => (await http.PostAsync("/graphql", Json(new { query = nearPoint, variables = Near(DensePoints[0], 5, 20) }))).IsSuccessStatusCode))
        {
            results["coldStartMs"] = Math.Round(api.TimeToFirstAnswer.TotalMilliseconds);
            Console.WriteLine($"API answered {api.TimeToFirstAnswer.TotalMilliseconds:N0} ms after start.");
            using var load = new LoadGenerator(apiAddress);

            var categories = await CategoryIdsAsync(load);
            var serviceIds = await SampleServiceIdsAsync(databasePath, 500);
            var deepCursors = await DeepPageCursorsAsync(load, nearPoint);

            var queries = new (string Name, LoadGenerator.RequestFactory Request)[]
            {
                ("1. near a point, 5 km, first 20 (city)", LoadGenerator.GraphQL(nearPoint, i => Near(DensePoints[i % DensePoints.Length], 5, 20))),
                ("1. near a point, 5 km, first 20 (rural)", LoadGenerator.GraphQL(nearPoint, i => Near(RuralPoints[i % RuralPoints.Length], 5, 20))),
                ("1. the same with totalCount (city)", LoadGenerator.GraphQL(nearPoint, i => new { near = Point(DensePoints[i % DensePoints.Length]), radiusKm = 5.0, first = 20, withCount = true })),
                ("2. near a postcode, 10 km, one category", LoadGenerator.GraphQL(Query("NearPostcodeCategory"), i => new { postcode = Postcodes[i % Postcodes.Length], category = categories[CategoryCodes[i % CategoryCodes.Length]] })),
                ("3. text near a point, 25 km", LoadGenerator.GraphQL(Query("TextNearPoint"), i => new { near = Point(DensePoints[(i / 2) % DensePoints.Length]), text = Texts[i % Texts.Length] })),
                ("4. near a point, open now, age", LoadGenerator.GraphQL(Query("OpenNowForAge"), i => new { near = Point(DensePoints[i % DensePoints.Length]), age = 70 })),
                ("5. page 11 of query 1 (city)", deepCursors.Count == 0 ? null! : LoadGenerator.GraphQL(nearPoint, i => new { near = Point(deepCursors[i % deepCursors.Count].Point), radiusKm = 5.0, first = 20, after = deepCursors[i % deepCursors.Count].Cursor })),
                ("6. service(id) with all details", LoadGenerator.GraphQL(Query("ServiceDetails"), i => new { id = serviceIds[i % serviceIds.Count] })),
            };

            // Query 5 needs 11 pages within 5 km of a city point; a small directory has none.
            queries = queries.Where(q => q.Request is not null).ToArray();

            // Warm-up: JIT, SQLite page cache, connection pools.
            foreach (var (_, request) in queries)
            {
                await load.RunAsync(request, clients: 4, requests: 200, TimeSpan.FromSeconds(20));
            }

            // Let tiered compilation of what the warm-up ran finish on the two cores first: without
            // this pause the first query measured ran ~2 ms slower than the same work measured later.
            await Task.Delay(TimeSpan.FromSeconds(5));

            var perQuery = new List<object>();
            foreach (var (name, request) in queries)
            {
                var single = await load.RunAsync(request, clients: 1, requests, TimeSpan.FromSeconds(seconds));
                var loaded = await load.RunAsync(request, clients: 8, requests * 4, TimeSpan.FromSeconds(seconds));
                perQuery.Add(new { name, oneClient = single, eightClients = loaded });
                graphQLQuery1 ??= single;
                Console.WriteLine($"{name}: p50 {single.P50Ms:N2} ms, p95 {single.P95Ms:N2} ms, p99 {single.P99Ms:N2} ms; {loaded.RequestsPerSecond:N0} req/s at 8 clients ({loaded.Errors} errors)");
            }

            results["queries"] = perQuery;

            var concurrency = new List<object>();
            foreach (var clients in new[] { 1, 8, 32 })
            {
                var run = await load.RunAsync(queries[0].Request, clients, requests: 1_000_000, TimeSpan.FromSeconds(seconds));
                concurrency.Add(new { clients, run });
                Console.WriteLine($"query 1 at {clients} clients: {run.RequestsPerSecond:N0} req/s, p95 {run.P95Ms:N2} ms, {run.Errors} errors");
            }

            results["query1Concurrency"] = concurrency;
            // Resident memory counts the database pages SQLite reads through its memory map (once
            // per connection that maps them); the private figure is the API's own memory.
            results["apiPeakRssMiB"] = Math.Round(api.PeakResidentMiB());
            results["apiPrivateRssMiB"] = Math.Round(api.PrivateResidentMiB());
            Console.WriteLine($"API peak RSS {results["apiPeakRssMiB"]} MiB (file pages included), private {results["apiPrivateRssMiB"]} MiB after all load");
        }

        var plainAddress = new Uri("http://127.0.0.1:5092");
        var benchDll = Path.Combine(AppContext.BaseDirectory, "Signpost.Bench.dll");
        await using (var plain = await ServerProcess.StartAsync(benchDll, $"plain-server --urls {plainAddress} {databaseArgs}", plainAddress,
            async http => (await http.GetAsync(PlainUrl(DensePoints[0]))).IsSuccessStatusCode))
        {
            using var load = new LoadGenerator(plainAddress);
            var request = LoadGenerator.Get(i => PlainUrl(DensePoints[i % DensePoints.Length]));
            await load.RunAsync(request, clients: 4, requests: 500, TimeSpan.FromSeconds(20));
            var single = await load.RunAsync(request, clients: 1, requests, TimeSpan.FromSeconds(seconds));
            var at32 = await load.RunAsync(request, clients: 32, requests: 1_000_000, TimeSpan.FromSeconds(seconds));
            results["plainQuery1"] = new { oneClient = single, thirtyTwoClients = at32 };
            results["graphQLOverPlainP50"] = Math.Round(graphQLQuery1!.P50Ms / single.P50Ms, 2);
            results["graphQLOverPlainP95"] = Math.Round(graphQLQuery1.P95Ms / single.P95Ms, 2);
            Console.WriteLine($"plain endpoint, query 1: p50 {single.P50Ms:N2} ms, p95 {single.P95Ms:N2} ms; {at32.RequestsPerSecond:N0} req/s at 32 clients; GraphQL/plain p50 {results["graphQLOverPlainP50"]}");
        }

        var floor = await RawSqlFloor.MeasureAsync(databasePath, DensePoints, 5, requests);
        results["rawSqlQuery1"] = floor;
        Console.WriteLine($"raw SQL, query 1: p50 {floor.P50Ms:N2} ms, p95 {floor.P95Ms:N2} ms");

        var output = Path.Combine(root, "bench", "results", $"{label}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Results written to {output}");
        return 0;
    }

    private static string PlainUrl(GeoPoint p) =>
        string.Create(CultureInfo.InvariantCulture, $"/near?latitude={p.Latitude}&longitude={p.Longitude}&radiusKm=5&first=20");

    internal static object Point(GeoPoint p) => new { latitude = p.Latitude, longitude = p.Longitude };

    internal static object Near(GeoPoint p, double radiusKm, int first) => new { near = Point(p), radiusKm, first };

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    internal static string Query(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Queries", name + ".graphql"));

    internal static async Task<Dictionary<string, string>> CategoryIdsAsync(LoadGenerator load)
    {
        using var json = await load.PostGraphQLAsync(Query("Categories"), new { });
        return json.RootElement.GetProperty("data").GetProperty("categories").EnumerateArray()
            .SelectMany(c => c.GetProperty("children").EnumerateArray())
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("id").GetString()!);
    }

    /// <summary>For each city point, the cursor that ends page 10 of query 1, so the measured request is page 11.</summary>
    private static async Task<List<(GeoPoint Point, string Cursor)>> DeepPageCursorsAsync(LoadGenerator load, string nearPoint)
    {
        var cursors = new List<(GeoPoint, string)>();
        foreach (var point in DensePoints)
        {
            string? after = null;
            for (var page = 0; page < 10; page++)
            {
                using var json = await load.PostGraphQLAsync(nearPoint, new { near = Point(point), radiusKm = 5.0, first = 20, after });
                var pageInfo = json.RootElement.GetProperty("data").GetProperty("services").GetProperty("pageInfo");
                if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
                {
                    after = null;
                    break;
                }

                after = pageInfo.GetProperty("endCursor").GetString();
            }

            if (after is not null)
            {
                cursors.Add((point, after));
            }
        }

        return cursors;
    }

    internal static async Task<List<string>> SampleServiceIdsAsync(string databasePath, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // A deterministic spread of row ids across the whole table.
        command.CommandText = "SELECT id FROM services WHERE row_id % (SELECT max(1, count(*) / $count) FROM services) = 0 LIMIT $count";
        command.Parameters.AddWithValue("$count", count);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<long> CountServicesAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM services";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
