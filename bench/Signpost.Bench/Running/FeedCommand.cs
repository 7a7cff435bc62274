using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Signpost.Bench.Running;

/// <summary>
/// Measures the Open Referral UK feed and the export on a generated directory: pages of
/// <c>/openreferral/services</c> spread over the whole directory, single services by id, the
/// whole directory as one ndjson stream (records a second and the API's peak memory), and
/// <c>export --format ndjson|datapackage</c> as the real command. Writes
/// bench/results/feed-&lt;label&gt;.json and prints a summary.
/// </summary>
internal static class FeedCommand
{
    private const int PerPage = 50;
    private const int SpreadPages = 20;

    /// <summary>Every client is on loopback, so the per-client read budget would stop the load; the stream gets half an hour.</summary>
    private static readonly string[] Settings = ["--GraphQL:ReadBudgetPerMinute=1000000000", "--OpenReferral:StreamTimeout=00:30:00"];

    public static async Task<int> RunAsync(string databasePath, string label, int requests, int seconds)
    {
        if (!ApiUnderTest.IsBuilt())
        {
            return 2;
        }

        databasePath = Path.GetFullPath(databasePath);
        var results = new Dictionary<string, object>
        {
            ["label"] = label,
            ["databaseMiB"] = Math.Round(new FileInfo(databasePath).Length / 1048576.0),
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            ["settings"] = Settings,
            // Other work on the machine shows in every figure; the load average says how much there was.
            ["loadAverageAtStart"] = LoadAverage(),
        };

        var address = new Uri("http://127.0.0.1:5093");
        int listed;
        await using (var api = await ApiUnderTest.StartAsync(databasePath, address, Settings))
        {
            using var load = new LoadGenerator(address);
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(1) };
            var first = JsonNode.Parse(await http.GetStringAsync($"/openreferral/services?per_page={PerPage}"))!;
            listed = first["total_items"]!.GetValue<int>();
            var totalPages = first["total_pages"]!.GetValue<int>();
            results["listedServices"] = listed;
            results["pagesOf50"] = totalPages;
            Console.WriteLine($"{listed:N0} listed services, {totalPages:N0} pages of {PerPage}.");

            // Page numbers spread evenly from the first page to the last, cycled by the requests.
            var pages = Enumerable.Range(0, SpreadPages).Select(k => 1 + (int)((long)k * (totalPages - 1) / (SpreadPages - 1))).Distinct().ToArray();
            var pageRequest = LoadGenerator.Get(i => $"/openreferral/services?per_page={PerPage}&page={pages[i % pages.Length]}");

            // Ids from those pages: spread over the whole directory, and all listed.
            var ids = new List<string>();
            foreach (var page in pages)
            {
                var body = JsonNode.Parse(await http.GetStringAsync($"/openreferral/services?per_page={PerPage}&page={page}&minimal=true"))!;
                ids.AddRange(body["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            }

            var idRequest = LoadGenerator.Get(i => $"/openreferral/services/{ids[(i * 7) % ids.Count]}");

            // Warm-up: JIT, SQLite page cache, connection pools.
            await load.RunAsync(pageRequest, clients: 4, requests: 200, TimeSpan.FromSeconds(30));
            await load.RunAsync(idRequest, clients: 4, requests: 200, TimeSpan.FromSeconds(30));

            var queries = new List<object>();
            async Task MeasureAsync(string name, LoadGenerator.RequestFactory request, int count)
            {
                var single = await load.RunAsync(request, clients: 1, count, TimeSpan.FromSeconds(seconds * 4));
                var loaded = await load.RunAsync(request, clients: 8, requests: 1_000_000, TimeSpan.FromSeconds(seconds));
                queries.Add(new { name, oneClient = single, eightClients = loaded });
                Console.WriteLine($"{name}: p50 {single.P50Ms:N1} ms, p95 {single.P95Ms:N1} ms, p99 {single.P99Ms:N1} ms ({single.Requests} requests, {single.Errors} errors); "
                    + $"{loaded.RequestsPerSecond:N0} req/s at 8 clients ({loaded.Errors} errors)");
            }

            await MeasureAsync($"services?per_page={PerPage}, {pages.Length} pages spread over the directory", pageRequest, requests);
            await MeasureAsync($"services?per_page={PerPage}&page=1", LoadGenerator.Get(_ => $"/openreferral/services?per_page={PerPage}&page=1"), requests / 3);
            await MeasureAsync($"services?per_page={PerPage}&page={totalPages} (the last)", LoadGenerator.Get(_ => $"/openreferral/services?per_page={PerPage}&page={totalPages}"), requests / 3);
            await MeasureAsync($"services/{{id}}, {ids.Count} ids spread over the directory", idRequest, requests);
            results["queries"] = queries;
            results["apiPeakRssMiBAfterPaging"] = Math.Round(api.PeakResidentMiB());
        }

        // The stream in a fresh process, so its peak memory is the stream's own.
        await using (var api = await ApiUnderTest.StartAsync(databasePath, address, Settings))
        {
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };
            await http.GetStringAsync("/openreferral/services?per_page=1");
            var before = api.PeakResidentMiB();
            var peakRss = api.ResidentMiB();
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/openreferral/services?format=ndjson", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var firstByte = clock.Elapsed;
            long records = 0, bytes = 0;
            await using (var body = await response.Content.ReadAsStreamAsync())
            {
                var buffer = new byte[1 << 16];
                var sampled = Stopwatch.StartNew();
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                    records += buffer.AsSpan(0, read).Count((byte)'\n');
                    if (sampled.ElapsedMilliseconds >= 100)
                    {
                        peakRss = Math.Max(peakRss, api.ResidentMiB());
                        sampled.Restart();
                    }
                }
            }

            clock.Stop();
            var stream = new
            {
                records,
                expected = listed,
                megabytes = Math.Round(bytes / 1048576.0, 1),
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                firstByteMs = Math.Round(firstByte.TotalMilliseconds),
                recordsPerSecond = Math.Round(records / clock.Elapsed.TotalSeconds),
                apiPeakRssMiBBefore = Math.Round(before),
                apiPeakRssMiB = Math.Round(api.PeakResidentMiB()),
                apiLargestSampledRssMiB = Math.Round(peakRss),
            };
            results["ndjsonStream"] = stream;
            Console.WriteLine($"services?format=ndjson: {records:N0} records ({stream.megabytes} MiB) in {stream.seconds} s, {stream.recordsPerSecond:N0} records/s; "
                + $"first byte {stream.firstByteMs} ms; API peak RSS (VmHWM) {stream.apiPeakRssMiB} MiB (was {stream.apiPeakRssMiBBefore} MiB before the stream)");
        }

        var exports = new List<object>();
        foreach (var format in new[] { "ndjson", "datapackage" })
        {
            var target = Path.Combine(RunCommand.RepositoryRoot(), "bench", "data", $"export-{label}" + (format == "ndjson" ? ".ndjson" : "-datapackage"));
            var export = await ExportAsync(databasePath, format, target, listed);
            exports.Add(export);
        }

        results["exports"] = exports;
        results["loadAverageAtEnd"] = LoadAverage();

        var output = Path.Combine(RunCommand.RepositoryRoot(), "bench", "results", $"feed-{label}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Results written to {output}");
        return 0;
    }

    /// <summary>Runs the real <c>export</c> command (Release build) as its own process and times it.</summary>
    private static async Task<object> ExportAsync(string databasePath, string format, string target, int listed)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{ApiUnderTest.Dll}\" export --format {format} --out \"{target}\" --force")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Database__ConnectionString"] = $"Data Source={databasePath}";
        start.Environment["Database__SeedOnStartup"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the export.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        double peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentMiB(process.Id));
            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        var message = (await stdout).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"export --format {format} exited with {process.ExitCode}: {await stderr}");
        }

        // "Exported N services (M rows) ..." for a package; "Exported N services ..." for a file.
        var words = message.Split(' ');
        var services = int.Parse(words[1], CultureInfo.InvariantCulture);
        long? rows = words[3].StartsWith('(') ? long.Parse(words[3].TrimStart('('), CultureInfo.InvariantCulture) : null;
        var size = File.Exists(target)
            ? new FileInfo(target).Length
            : new DirectoryInfo(target).EnumerateFiles().Sum(f => f.Length);
        var result = new
        {
            format,
            services,
            expected = listed,
            rows,
            seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            servicesPerSecond = Math.Round(services / clock.Elapsed.TotalSeconds),
            rowsPerSecond = rows is { } r ? Math.Round(r / clock.Elapsed.TotalSeconds) : (double?)null,
            megabytes = Math.Round(size / 1048576.0, 1),
            peakRssMiB = Math.Round(peak),
        };
        Console.WriteLine($"export --format {format}: {services:N0} services{(rows is null ? "" : $", {rows:N0} rows")} in {result.seconds} s "
            + $"({result.servicesPerSecond:N0} services/s{(rows is null ? "" : $", {result.rowsPerSecond:N0} rows/s")}), {result.megabytes} MiB, peak RSS ~{result.peakRssMiB} MiB");
        return result;
    }

    /// <summary>The 1, 5 and 15 minute load averages (<c>/proc/loadavg</c>).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static double PeakResidentMiB(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (IOException)
        {
            // the process has just exited
        }

        return 0;
    }
}
