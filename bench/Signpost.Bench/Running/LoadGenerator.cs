using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Signpost.Bench.Running;

/// <summary>
/// Sends requests from a fixed number of concurrent clients (closed loop: each client sends its
/// next request when the last one answers) and records every latency. Bounded in count and time.
/// </summary>
public sealed class LoadGenerator(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose() => _http.Dispose();

    /// <summary>A request factory: the i-th request of a run.</summary>
    public delegate HttpRequestMessage RequestFactory(int i);

    public static RequestFactory GraphQL(string query, Func<int, object> variables) => i =>
    {
        var body = JsonSerializer.Serialize(new { query, variables = variables(i) });
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        return request;
    };

    public static RequestFactory Get(Func<int, string> url) => i => new HttpRequestMessage(HttpMethod.Get, url(i));

    /// <summary>Runs <paramref name="requests"/> requests spread over <paramref name="clients"/> clients, stopping early at <paramref name="maxDuration"/>.</summary>
    public async Task<Latency> RunAsync(RequestFactory factory, int clients, int requests, TimeSpan maxDuration)
    {
        var next = -1;
        var errors = 0;
        var latencies = new List<double>[clients];
        var stopAt = Stopwatch.StartNew();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(requests / clients + 1);
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests && stopAt.Elapsed < maxDuration)
            {
                using var request = factory(i);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await _http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        wall.Stop();
        return Latency.From(latencies.SelectMany(l => l).ToList(), errors, wall.Elapsed);
    }

    public async Task<JsonDocument> PostGraphQLAsync(string query, object variables)
    {
        using var request = GraphQL(query, _ => variables)(0);
        using var response = await _http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
