using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Signpost.Bench.Running;

/// <summary>What the API answered to one request, and how long it took to answer in full.</summary>
/// <param name="Status">HTTP status; 0 when no answer came (see <paramref name="Failure"/>).</param>
/// <param name="Code">The first error's <c>extensions.code</c>, or null when there was none.</param>
public sealed record Answer(int Status, string? Code, double Ms, long BodyBytesSent = 0, string? Failure = null, string? RetryAfter = null, string? Cost = null, string? Body = null)
{
    /// <summary>"400 QUERY_TOO_COMPLEX", "200", "no answer".</summary>
    public string Outcome => Status == 0 ? "no answer" : Code is null ? $"{Status}" : $"{Status} {Code}";

    public static string? ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code)
                ? code.GetString()
                : json.RootElement.TryGetProperty("errors", out _) ? "(no code)" : null;
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }
}

/// <summary>The requests a hostile (or careless) anonymous client sends, and how they are posted.</summary>
internal static class HostileRequests
{
    /// <summary>Fragments that each spread the one below twice: 2^levels copies of <c>__typename</c> if expanded.</summary>
    public static string FragmentDoubling(int levels)
    {
        var document = new StringBuilder($"query {{ ...F{levels} }}\nfragment F0 on Query {{ __typename }}\n");
        for (var i = 1; i <= levels; i++)
        {
            document.Append(CultureInfo.InvariantCulture, $"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}\n");
        }

        return document.ToString();
    }

    /// <summary>1,000 aliased searches of 100 in one request.</summary>
    public static string AliasedSearches(int count) =>
        "query { " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"s{i}: services(first: 100) {{ totalCount }}")) + " }";

    /// <summary>A document that is cheap with a small <c>$n</c> and far over the cost limit with 100: 400 aliased lists per service.</summary>
    public static string HeavyWithVariables()
    {
        var lists = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"l{i}: locations {{ id name }}"));
        return $"query Heavy($n: Int) {{ services(first: $n) {{ edges {{ node {{ id {lists} }} }} }} }}";
    }

    /// <summary>Fields nested 100 deep: deeper than the parser reads.</summary>
    public static string NestedTooDeeply(int levels) =>
        "query { categories { " + string.Concat(Enumerable.Repeat("children { ", levels)) + "code" + new string('}', levels + 1) + " }";

    /// <summary>
    /// A search costed at 10,052 (100 results with most of each service's fields, nested lists
    /// costed at 5 items) in the countryside, where few services match, so it is cheap to run.
    /// </summary>
    public const string TenThousandCostSearch =
        "{ services(near: {latitude: 50.58, longitude: -3.92}, radiusKm: 5, first: 100) { edges { node { id name alternateName description url email status " +
        "applicationProcess feesDescription eligibilityDescription minimumAge maximumAge lastVerified isFree organization { name } " +
        "locations { id name latitude longitude } phones { number } schedules { text } categories { name } contacts { name title } " +
        "costOptions { option amount } languages { name code } serviceAreas { name extent } } } } }";

    /// <summary>A small valid query padded with a comment to exactly <paramref name="length"/> characters; distinct for each <paramref name="n"/>.</summary>
    public static string PaddedQuery(string name, int n, int length)
    {
        var head = $"query {name}{n} {{ categories {{ code }} }}\n# {n} ";
        return head + new string('x', Math.Max(0, length - head.Length));
    }

    public static HttpClient Client(Uri address) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static Task<Answer> PostAsync(HttpClient http, string query, object? variables = null) =>
        PostJsonAsync(http, new { query, variables });

    /// <summary>Registers <paramref name="query"/> as an automatic persisted query (the query and its SHA-256 together).</summary>
    public static Task<Answer> PersistAsync(HttpClient http, string query) =>
        PostJsonAsync(http, new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256(query) } } });

    /// <summary>Asks for a persisted query by its hash alone.</summary>
    public static Task<Answer> ByHashAsync(HttpClient http, string query) =>
        PostJsonAsync(http, new { extensions = new { persistedQuery = new { version = 1, sha256Hash = Sha256(query) } } });

    private static string Sha256(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    private static async Task<Answer> PostJsonAsync(HttpClient http, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        var size = request.Content.Headers.ContentLength ?? 0;
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            return new Answer((int)response.StatusCode, Answer.ErrorCode(text), elapsed, size,
                RetryAfter: response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                Cost: response.Headers.TryGetValues("X-Query-Cost", out var cost) ? cost.First() : null,
                Body: text.Length > 600 ? text[..600] : text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Answer(0, null, Stopwatch.GetElapsedTime(start).TotalMilliseconds, size, Failure: $"{e.GetType().Name}: {e.Message}");
        }
    }
}
