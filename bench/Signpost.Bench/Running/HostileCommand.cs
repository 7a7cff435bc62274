using System.Diagnostics;
using System.Text.Json;

namespace Signpost.Bench.Running;

/// <summary>
/// Sends the real API (Release build, its own process on loopback) each kind of hostile request
/// many times, one after another, and records how each is refused: the status and error code,
/// the time to answer, and the API process's memory around it. Then many distinct large
/// documents, to see that the caches stay bounded. Writes bench/results/hostile-&lt;label&gt;.json.
/// </summary>
internal static class HostileCommand
{
    private const string QueryTooComplex = "QUERY_TOO_COMPLEX";

    /// <summary>One kind of hostile request, measured.</summary>
    public sealed record ClassResult(
        string Name, int ExpectedStatus, string? ExpectedCode, int Sent, int Errors, Dictionary<string, int> Received,
        AnswerTimes AnswerMs, double RssBeforeMiB, double RssAfterMiB, double PeakBeforeMiB, double PeakAfterMiB, object? Detail = null)
    {
        public string Expected => ExpectedCode is null ? $"{ExpectedStatus}" : $"{ExpectedStatus} {ExpectedCode}";
    }

    public static async Task<int> RunAsync(string databasePath, string label, int repeat, int memoryRounds)
    {
        if (!ApiUnderTest.IsBuilt())
        {
            return 2;
        }

        var address = new Uri("http://127.0.0.1:5193");
        var classes = new List<ClassResult>();
        var results = new Dictionary<string, object>
        {
            ["label"] = label,
            ["database"] = Path.GetFileName(databasePath),
            ["repeat"] = repeat,
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            ["startedAt"] = DateTimeOffset.UtcNow,
        };

        // The default limits, as deployed.
        await using (var api = await ApiUnderTest.StartAsync(databasePath, address))
        {
            using var http = HostileRequests.Client(address);
            await WarmUpAsync(http);

            var bomb40 = HostileRequests.FragmentDoubling(40);
            classes.Add(await MeasureAsync(api, $"a. fragment doubling, 40 levels ({bomb40.Length:N0} chars)", 400, QueryTooComplex, repeat, () => HostileRequests.PostAsync(http, bomb40)));

            var bomb30 = HostileRequests.FragmentDoubling(30);
            classes.Add(await MeasureAsync(api, $"b. fragment doubling, 30 levels ({bomb30.Length:N0} chars)", 400, QueryTooComplex, repeat, () => HostileRequests.PostAsync(http, bomb30)));

            var aliases = HostileRequests.AliasedSearches(1_000);
            classes.Add(await MeasureAsync(api, $"c. 1,000 aliased services(first: 100) ({aliases.Length:N0} chars)", 400, QueryTooComplex, repeat, () => HostileRequests.PostAsync(http, aliases)));

            var heavy = HostileRequests.HeavyWithVariables();
            var cheap = await HostileRequests.PostAsync(http, heavy, new { n = 2 });
            classes.Add(await MeasureAsync(api, "d. cached document, $n = 100 with 400 aliased lists", 400, QueryTooComplex, repeat,
                () => HostileRequests.PostAsync(http, heavy, new { n = 100 }),
                detail: new { sameDocumentWithNEquals2 = cheap.Outcome, costWithNEquals2 = cheap.Cost }));

            var deep = HostileRequests.NestedTooDeeply(100);
            classes.Add(await MeasureAsync(api, "e. fields nested 100 deep (parser depth)", 400, "GRAPHQL_PARSE_FAILED", repeat, () => HostileRequests.PostAsync(http, deep)));

            var huge = new List<Answer>();
            var hugeResult = await MeasureAsync(api, "f. 30 MB chunked body", 413, "BAD_USER_INPUT", repeat, async () =>
            {
                var answer = await RawHttp.PostHugeChunkedAsync(address, 30L * 1024 * 1024, TimeSpan.FromSeconds(30));
                huge.Add(answer);
                return answer;
            });
            classes.Add(hugeResult with
            {
                Detail = new
                {
                    // Accepted by the client's socket (sent, or waiting in loopback's buffers); the server reads at most GraphQL:MaxRequestBytes.
                    bodyBytesSentBeforeAnswer = BytesSent(huge.Skip(huge.Count - repeat)),
                    failures = huge.Where(a => a.Failure is not null).Select(a => a.Failure).Distinct().ToList(),
                },
            });

            results["readBudget"] = await ReadBudgetAsync(api, http, classes, repeat);
        }

        // A short request timeout, so a stalled body is stopped quickly.
        await using (var api = await ApiUnderTest.StartAsync(databasePath, address, "--GraphQL:RequestTimeout=00:00:02"))
        {
            using var http = HostileRequests.Client(address);
            await WarmUpAsync(http);
            var stalls = Math.Max(3, repeat / 2);
            classes.Add(await MeasureAsync(api, $"g. body that stalls (RequestTimeout 2 s; {stalls} requests)", 503, "TIMEOUT", stalls,
                () => RawHttp.PostStallingAsync(address, TimeSpan.FromSeconds(30)), warmUps: 1));
        }

        // A budget no loopback client can spend, so only the caches' bounds decide memory.
        await using (var api = await ApiUnderTest.StartAsync(databasePath, address, "--GraphQL:ReadBudgetPerMinute=1000000000"))
        {
            using var http = HostileRequests.Client(address);
            await WarmUpAsync(http);
            results["memory"] = await DistinctDocumentsAsync(api, http, classes, memoryRounds);
        }

        results["classes"] = classes;
        var output = Path.Combine(RunCommand.RepositoryRoot(), "bench", "results", $"hostile-{label}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));

        Console.WriteLine();
        Console.WriteLine("| class | expected | received | p50 / p95 / max ms | RSS before → after (MiB) | peak RSS change (MiB) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var c in classes)
        {
            var received = string.Join(", ", c.Received.Select(r => $"{r.Key} ×{r.Value}"));
            Console.WriteLine($"| {c.Name} | {c.Expected} | {received} | {c.AnswerMs} | {c.RssBeforeMiB:N0} → {c.RssAfterMiB:N0} | {c.PeakAfterMiB - c.PeakBeforeMiB:+0;-0;0} |");
        }

        Console.WriteLine($"Errors (anything but the expected answer): {classes.Sum(c => c.Errors)}");
        Console.WriteLine($"Results written to {output}");
        return classes.Sum(c => c.Errors) == 0 ? 0 : 1;
    }

    private static object BytesSent(IEnumerable<Answer> answers)
    {
        var bytes = answers.Select(a => a.BodyBytesSent).Order().ToList();
        return new { min = bytes[0], median = bytes[bytes.Count / 2], max = bytes[^1] };
    }

    private static async Task WarmUpAsync(HttpClient http)
    {
        for (var i = 0; i < 20; i++)
        {
            await HostileRequests.PostAsync(http, "{ categories { code } services(first: 20) { totalCount edges { node { id name } } } }");
        }
    }

    /// <summary>Sends a request <paramref name="warmUps"/> times unmeasured, then <paramref name="count"/> times one after another.</summary>
    private static async Task<ClassResult> MeasureAsync(
        ServerProcess api, string name, int expectedStatus, string? expectedCode, int count, Func<Task<Answer>> send, int warmUps = 2, object? detail = null)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await send();
        }

        var (rssBefore, peakBefore) = (api.ResidentMiB(), api.PeakResidentMiB());
        var received = new Dictionary<string, int>();
        var times = new List<double>();
        var errors = 0;
        Answer? unexpected = null;
        for (var i = 0; i < count; i++)
        {
            var answer = await send();
            times.Add(answer.Ms);
            received[answer.Outcome] = received.GetValueOrDefault(answer.Outcome) + 1;
            if (answer.Status != expectedStatus || answer.Code != expectedCode)
            {
                errors++;
                unexpected ??= answer;
            }
        }

        var result = new ClassResult(name, expectedStatus, expectedCode, count, errors, received, AnswerTimes.From(times),
            Math.Round(rssBefore, 1), Math.Round(api.ResidentMiB(), 1), Math.Round(peakBefore, 1), Math.Round(api.PeakResidentMiB(), 1),
            detail ?? (unexpected is null ? null : new { firstUnexpected = unexpected }));
        Console.WriteLine($"{name}: {string.Join(", ", received.Select(r => $"{r.Key} ×{r.Value}"))}; {result.AnswerMs} ms; RSS {result.RssBeforeMiB:N0} → {result.RssAfterMiB:N0} MiB, peak {result.PeakBeforeMiB:N0} → {result.PeakAfterMiB:N0} MiB");
        if (unexpected is not null)
        {
            Console.WriteLine($"  first unexpected answer: {unexpected.Outcome} {unexpected.Failure} {unexpected.Body}");
        }

        return result;
    }

    /// <summary>One client spends its read budget with a search costed at 10,052 until it gets 429, then sends it again and again.</summary>
    private static async Task<object> ReadBudgetAsync(ServerProcess api, HttpClient http, List<ClassResult> classes, int repeat)
    {
        var (rssBefore, peakBefore) = (api.ResidentMiB(), api.PeakResidentMiB());
        var clock = Stopwatch.StartNew();
        var served = 0;
        var otherAnswers = new Dictionary<string, int>();
        var serveTimes = new List<double>();
        Answer? first429 = null;
        string? cost = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var answer = await HostileRequests.PostAsync(http, HostileRequests.TenThousandCostSearch);
            if (answer.Status == 429)
            {
                first429 = answer;
                break;
            }

            if (answer.Status == 200 && answer.Code is null)
            {
                served++;
                serveTimes.Add(answer.Ms);
                cost ??= answer.Cost;
            }
            else
            {
                otherAnswers[answer.Outcome] = otherAnswers.GetValueOrDefault(answer.Outcome) + 1;
            }
        }

        var timeToFirst429 = clock.Elapsed.TotalMilliseconds;
        var result = await MeasureAsync(api, "h. read budget: the same search after the first 429", 429, "RATE_LIMITED", repeat,
            () => HostileRequests.PostAsync(http, HostileRequests.TenThousandCostSearch), warmUps: 0);

        // The bucket refills a sixtieth of the budget every second, so a request that lands just after a refill is served: not an error.
        var refilled = result.Received.GetValueOrDefault("200");
        result = result with { Errors = result.Errors - refilled };
        // Requests refused for their cost or shape are not charged: what does a client that is over its budget get for them?
        var overBudgetHeavy = await HostileRequests.PostAsync(http, HostileRequests.HeavyWithVariables(), new { n = 100 });
        var overBudgetAliases = await HostileRequests.PostAsync(http, HostileRequests.AliasedSearches(1_000));
        var summary = new
        {
            queryCost = cost,
            servedBeforeFirst429 = served,
            timeToFirst429Ms = Math.Round(timeToFirst429),
            servedAnswerMs = AnswerTimes.From(serveTimes),
            first429 = first429 is null ? "none within 3 minutes" : first429.Outcome,
            servedAfterARefill = refilled,
            retryAfterSeconds = first429?.RetryAfter,
            otherAnswersBefore429 = otherAnswers,
            overBudgetThenClassD = new { overBudgetHeavy.Outcome, overBudgetHeavy.Ms },
            overBudgetThenClassC = new { overBudgetAliases.Outcome, overBudgetAliases.Ms },
        };
        classes.Add(result with { Detail = summary, RssBeforeMiB = Math.Round(rssBefore, 1), PeakBeforeMiB = Math.Round(peakBefore, 1) });
        Console.WriteLine($"  {served} searches (cost {cost}) served in {timeToFirst429:N0} ms before the first 429 ({summary.first429}, Retry-After {summary.retryAfterSeconds} s)");
        Console.WriteLine($"  then, over budget: class d answered {overBudgetHeavy.Outcome} in {overBudgetHeavy.Ms:N1} ms, class c {overBudgetAliases.Outcome} in {overBudgetAliases.Ms:N1} ms");
        return summary;
    }

    /// <summary>
    /// 300 distinct documents of ~250 KB (too long to cache), then 300 of ~30 KB (cached), then 300
    /// persisted queries of ~30 KB; the API's resident memory after each, once it has settled. Then
    /// all of it again with new documents (<paramref name="rounds"/> in all), to see whether memory levels off.
    /// </summary>
    private static async Task<object> DistinctDocumentsAsync(ServerProcess api, HttpClient http, List<ClassResult> classes, int rounds)
    {
        const int Documents = 300;
        var start = await SettledResidentMiBAsync(api);
        Console.WriteLine($"memory: RSS {start:N0} MiB settled before the distinct documents");
        var variants = new List<object>();

        async Task Variant(int round, string name, int length, Func<int, Task<Answer>> send)
        {
            var n = 0;
            var result = await MeasureAsync(api, name, 200, null, Documents, () => send(n++), warmUps: 0);
            var settled = await SettledResidentMiBAsync(api);
            classes.Add(result);
            variants.Add(new { round, name, documentChars = length, settledRssMiB = Math.Round(settled, 1), sinceStartMiB = Math.Round(settled - start, 1), peakMiB = Math.Round(api.PeakResidentMiB(), 1) });
            Console.WriteLine($"  settled RSS {settled:N0} MiB ({settled - start:+0;-0} MiB since the start)");
        }

        const int Big = 250_000;
        const int Cacheable = 30_000;
        var afterRound = new List<double>();

        // Each further round sends 900 more distinct documents: with bounded caches, memory should level off.
        for (var round = 1; round <= rounds; round++)
        {
            var suffix = round == 1 ? "" : $" (round {round}, new documents)";
            await Variant(round, $"i1. {Documents} distinct {Big / 1000} KB documents (not cached){suffix}", Big, i => HostileRequests.PostAsync(http, HostileRequests.PaddedQuery($"Big{round}x", i, Big)));
            await Variant(round, $"i2. {Documents} distinct {Cacheable / 1000} KB documents (cached){suffix}", Cacheable, i => HostileRequests.PostAsync(http, HostileRequests.PaddedQuery($"Mid{round}x", i, Cacheable)));
            await Variant(round, $"i3. {Documents} distinct {Cacheable / 1000} KB persisted queries{suffix}", Cacheable, i => HostileRequests.PersistAsync(http, HostileRequests.PaddedQuery($"Persisted{round}x", i, Cacheable)));
            afterRound.Add(api.ResidentMiB());
        }

        // How many of the last persisted queries are still known by their hash alone (the cache is bounded in bytes).
        var known = 0;
        for (var i = Documents - 50; i < Documents; i++)
        {
            known += (await HostileRequests.ByHashAsync(http, HostileRequests.PaddedQuery($"Persisted{rounds}x", i, Cacheable))).Code is null ? 1 : 0;
        }

        var end = await SettledResidentMiBAsync(api);
        Console.WriteLine($"memory: RSS {start:N0} → {end:N0} MiB ({end - start:+0;-0} MiB); last 50 persisted queries still known by hash: {known}");
        return new
        {
            startRssMiB = Math.Round(start, 1),
            endRssMiB = Math.Round(end, 1),
            growthMiB = Math.Round(end - start, 1),
            afterEachRoundMiB = afterRound.Select(r => Math.Round(r, 1)),
            peakRssMiB = Math.Round(api.PeakResidentMiB(), 1),
            targetMiB = 100,
            lastFiftyPersistedKnownByHash = known,
            variants,
        };
    }

    private static async Task<double> SettledResidentMiBAsync(ServerProcess api)
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        return api.ResidentMiB();
    }
}
