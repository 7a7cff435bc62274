using System.Diagnostics;
using System.Text.Json;

namespace Signpost.Bench.Running;

/// <summary>
/// Mixed traffic for a while from closed-loop clients against the real API (Release build, its own
/// process on loopback): about 90% searches (the benchmark queries with their points), 5%
/// <c>service(id)</c> and 5% submissions (new listings and problem reports), sampling the API's
/// resident memory every second. Runs on a copy of the database, as submissions write to it.
/// Writes bench/results/soak-&lt;label&gt;.json.
/// </summary>
internal static class SoakCommand
{
    private static readonly string[] Topics = ["OUT_OF_DATE", "CLOSED", "WRONG_CONTACT_DETAILS", "SOMETHING_ELSE"];

    private sealed class Kind(string name)
    {
        public string Name { get; } = name;
        public int Requests;
        public int Errors;
        public List<double> Millis { get; } = [];
    }

    public static async Task<int> RunAsync(string databasePath, string label, int seconds, int clients)
    {
        if (!ApiUnderTest.IsBuilt())
        {
            return 2;
        }

        // Submissions write to the database: soak a copy, so the generated file stays as generated.
        databasePath = Path.GetFullPath(databasePath);
        var copy = Path.Combine(Path.GetDirectoryName(databasePath)!, $"soak-{label}.db");
        foreach (var stale in new[] { copy, copy + "-wal", copy + "-shm" })
        {
            File.Delete(stale);
        }

        File.Copy(databasePath, copy);

        // Every client is on loopback, so one address: budgets no run can spend (10,000 submissions an hour is the most the API accepts).
        var address = new Uri("http://127.0.0.1:5194");
        await using var api = await ApiUnderTest.StartAsync(copy, address, "--GraphQL:ReadBudgetPerMinute=1000000000", "--Submissions:PerClientLimit=10000");
        using var http = HostileRequests.Client(address);
        using var load = new LoadGenerator(address);
        var categories = await RunCommand.CategoryIdsAsync(load);
        var serviceIds = await RunCommand.SampleServiceIdsAsync(copy, 500);

        var nearPoint = RunCommand.Query("NearPoint");
        var searches = new LoadGenerator.RequestFactory[]
        {
            LoadGenerator.GraphQL(nearPoint, i => RunCommand.Near(RunCommand.DensePoints[i % RunCommand.DensePoints.Length], 5, 20)),
            LoadGenerator.GraphQL(nearPoint, i => RunCommand.Near(RunCommand.RuralPoints[i % RunCommand.RuralPoints.Length], 5, 20)),
            LoadGenerator.GraphQL(RunCommand.Query("NearPostcodeCategory"), i => new { postcode = RunCommand.Postcodes[i % RunCommand.Postcodes.Length], category = categories[RunCommand.CategoryCodes[i % RunCommand.CategoryCodes.Length]] }),
            LoadGenerator.GraphQL(RunCommand.Query("TextNearPoint"), i => new { near = RunCommand.Point(RunCommand.DensePoints[(i / 2) % RunCommand.DensePoints.Length]), text = RunCommand.Texts[i % RunCommand.Texts.Length] }),
            LoadGenerator.GraphQL(RunCommand.Query("OpenNowForAge"), i => new { near = RunCommand.Point(RunCommand.DensePoints[i % RunCommand.DensePoints.Length]), age = 70 }),
        };
        var details = LoadGenerator.GraphQL(RunCommand.Query("ServiceDetails"), i => new { id = serviceIds[(i / 20) % serviceIds.Count] });
        var listing = LoadGenerator.GraphQL(RunCommand.Query("SubmitListing"), i => new { input = NewListing(i) });
        var problem = LoadGenerator.GraphQL(RunCommand.Query("ReportProblem"), i => new
        {
            input = new { serviceId = serviceIds[(i / 40) % serviceIds.Count], topic = Topics[(i / 40) % Topics.Length], message = $"The opening times on this page are out of date (report {i})." },
        });

        var kinds = new[] { new Kind("search"), new Kind("service(id)"), new Kind("submitListing"), new Kind("reportProblem") };

        // One request in 20 reads a service, one in 20 is a submission (new listings and problem reports in turn), the rest search.
        (Kind, LoadGenerator.RequestFactory) Pick(int i) => (i % 20) switch
        {
            0 => (kinds[1], details),
            10 => (i / 20) % 2 == 0 ? (kinds[2], listing) : (kinds[3], problem),
            _ => (kinds[0], searches[i % searches.Length]),
        };

        // Warm-up: JIT, page cache, pools; not counted.
        var warmUp = new Kind("warm-up");
        await RunClientsAsync(http, i => (warmUp, Pick(i).Item2), clients: 4, requests: 400, TimeSpan.FromSeconds(30), []);
        var warmUpErrors = warmUp.Errors;

        var samples = new List<(double Seconds, double RssMiB)>();
        var errorSamples = new List<string>();
        var clock = Stopwatch.StartNew();
        using var stopSampling = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                lock (samples)
                {
                    samples.Add((Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(api.ResidentMiB(), 1)));
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stopSampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        var wall = await RunClientsAsync(http, Pick, clients, int.MaxValue, TimeSpan.FromSeconds(seconds), errorSamples);
        await stopSampling.CancelAsync();
        await sampling;
        samples.Add((Math.Round(clock.Elapsed.TotalSeconds, 2), Math.Round(api.ResidentMiB(), 1)));

        var half = seconds / 2.0;
        var secondHalf = samples.Where(s => s.Seconds >= half).ToList();
        var atHalf = secondHalf[0].RssMiB;
        var end = samples[^1].RssMiB;
        var requests = kinds.Sum(k => k.Requests);
        var errors = kinds.Sum(k => k.Errors);
        var result = new
        {
            label,
            database = Path.GetFileName(databasePath),
            seconds,
            clients,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            startedAt = DateTimeOffset.UtcNow - clock.Elapsed,
            requests,
            requestsPerSecond = Math.Round(requests / wall.TotalSeconds, 1),
            errors,
            warmUpErrors,
            kinds = kinds.Select(k => new { kind = k.Name, requests = k.Requests, errors = k.Errors, answerMs = AnswerTimes.From(k.Millis) }),
            rss = new
            {
                startMiB = samples[0].RssMiB,
                maxMiB = samples.Max(s => s.RssMiB),
                endMiB = end,
                atHalfMiB = atHalf,
                secondHalfGrowthPercent = Math.Round((end - atHalf) / atHalf * 100, 2),
                secondHalfSlopeMiBPerMinute = Math.Round(Slope(secondHalf) * 60, 2),
                peakMiB = Math.Round(api.PeakResidentMiB(), 1),

                // The garbage collector makes RSS a saw: means over quarters are less sensitive to where a collection falls.
                secondHalfMinMiB = secondHalf.Min(s => s.RssMiB),
                thirdQuarterMeanMiB = Math.Round(samples.Where(s => s.Seconds >= half && s.Seconds < half * 1.5).Average(s => s.RssMiB), 1),
                lastQuarterMeanMiB = Math.Round(samples.Where(s => s.Seconds >= half * 1.5).Average(s => s.RssMiB), 1),
            },
            errorSamples,
            rssSamples = samples.Select(s => new[] { s.Seconds, s.RssMiB }),
        };

        var output = Path.Combine(RunCommand.RepositoryRoot(), "bench", "results", $"soak-{label}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));

        Console.WriteLine();
        Console.WriteLine($"{requests:N0} requests in {wall.TotalSeconds:N1} s at {clients} clients: {result.requestsPerSecond:N0} req/s, {errors} errors ({warmUpErrors} in the warm-up)");
        Console.WriteLine("| kind | requests | errors | p50 / p95 / max ms |");
        Console.WriteLine("| --- | ---: | ---: | --- |");
        foreach (var k in kinds)
        {
            Console.WriteLine($"| {k.Name} | {k.Requests:N0} | {k.Errors} | {AnswerTimes.From(k.Millis)} |");
        }

        Console.WriteLine($"RSS start {result.rss.startMiB:N0} MiB, max {result.rss.maxMiB:N0}, end {result.rss.endMiB:N0}; second half {result.rss.atHalfMiB:N0} → {end:N0} MiB ({result.rss.secondHalfGrowthPercent:+0.0;-0.0}%, {result.rss.secondHalfSlopeMiBPerMinute:+0.0;-0.0} MiB/min); means of the last two quarters {result.rss.thirdQuarterMeanMiB:N0} → {result.rss.lastQuarterMeanMiB:N0} MiB");
        foreach (var sample in errorSamples)
        {
            Console.WriteLine($"  error: {sample}");
        }

        Console.WriteLine($"Results written to {output}");
        return errors == 0 ? 0 : 1;
    }

    /// <summary>Closed-loop clients, each sending its next request when the last is answered; every non-200 or GraphQL error counts.</summary>
    private static async Task<TimeSpan> RunClientsAsync(HttpClient http, Func<int, (Kind, LoadGenerator.RequestFactory)> pick, int clients, int requests, TimeSpan duration, List<string> errorSamples)
    {
        var next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && wall.Elapsed < duration)
            {
                var (kind, factory) = pick(i);
                using var request = factory(i);
                var start = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
                    {
                        error = $"{kind.Name}: {(int)response.StatusCode} {(body.Length > 400 ? body[..400] : body)}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    error = $"{kind.Name}: {e.GetType().Name}: {e.Message}";
                }

                var millis = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                lock (kind)
                {
                    kind.Requests++;
                    kind.Millis.Add(millis);
                    if (error is not null)
                    {
                        kind.Errors++;
                    }
                }

                if (error is not null)
                {
                    lock (errorSamples)
                    {
                        if (errorSamples.Count < 20)
                        {
                            errorSamples.Add(error);
                        }
                    }
                }
            }
        }));
        return wall.Elapsed;
    }

    /// <summary>A complete, valid new listing (as the site's form sends it), named for the request.</summary>
    private static object NewListing(int i) => new
    {
        organization = new { name = "Sidford Community Hall Trust", website = "https://sidfordhall.example.org", phone = "01395 000111" },
        name = $"Knit and natter {i}",
        description = "A friendly weekly knitting and chat group for anyone who would like company. Tea and biscuits provided.",
        url = "https://sidfordhall.example.org/knit",
        email = "knit@sidfordhall.example.org",
        phone = "01395 000112",
        eligibilityDescription = "Adults of any age; beginners welcome.",
        applicationProcess = "Just come along.",
        minimumAge = 18,
        isFree = true,
        categories = new[] { "befriending", "community-groups" },
        languages = new[] { "English" },
        locations = new[] { new { name = "Sidford Village Hall", address1 = "Byes Lane", city = "Sidford", county = "Devon", postcode = "EX10 9QX" } },
        schedules = new[] { new { freq = "WEEKLY", byDay = "TH", opensAt = "14:00", closesAt = "16:00" } },
        contacts = new[] { new { name = "Pat Example", title = "Organiser", phone = "07700 900123" } },
        submitter = new { name = "Pat Example", email = "pat.private@example.org" },
    };

    /// <summary>Least-squares slope of RSS over time, in MiB a second.</summary>
    private static double Slope(List<(double Seconds, double RssMiB)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }

        var (mx, my) = (points.Average(p => p.Seconds), points.Average(p => p.RssMiB));
        var num = points.Sum(p => (p.Seconds - mx) * (p.RssMiB - my));
        var den = points.Sum(p => (p.Seconds - mx) * (p.Seconds - mx));
        return den == 0 ? 0 : num / den;
    }
}
