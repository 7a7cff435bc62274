using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Signpost.GraphQL.Http;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Caches bounded in bytes; failed documents never remembered.</summary>
public sealed class BoundedCacheAndTimeoutTests(SmallCachesDirectoryFactory api) : IClassFixture<SmallCachesDirectoryFactory>
{
    private readonly HttpClient _http = api.CreateClient();

    [Fact]
    public async Task ManyDistinctLargeDocumentsStayWithinTheDocumentCachesBytes()
    {
        for (var i = 0; i < 150; i++)
        {
            // Distinct, valid and just under the cacheable length: each is parsed and remembered.
            var padding = new string(' ', SmallCachesDirectoryFactory.MaxCacheableQueryLength - 200);
            (await Client().PostAsync($"query Q{i} {{ categories {{ code }} }}{padding}")).DataOrFail();
        }

        var statistics = api.Services.GetServices<global::GraphQL.DI.IConfigureExecution>().OfType<Signpost.GraphQL.Limits.DocumentGate>().Single().Statistics;
        Assert.InRange(statistics.CurrentEstimatedSize ?? 0, 1, SmallCachesDirectoryFactory.DocumentCacheBytes);
        Assert.True(statistics.CurrentEntryCount < 150, $"{statistics.CurrentEntryCount} documents kept");
    }

    [Fact]
    public async Task ADocumentThatFailsValidationIsNotRemembered()
    {
        var gate = api.Services.GetServices<global::GraphQL.DI.IConfigureExecution>().OfType<Signpost.GraphQL.Limits.DocumentGate>().Single();
        var before = gate.Statistics.CurrentEntryCount;

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("GRAPHQL_VALIDATION_FAILED", (await Client().PostAsync($"query Bad{i} {{ nope{i} }}")).ErrorCode);
        }

        Assert.Equal(before, gate.Statistics.CurrentEntryCount);
    }

    [Fact]
    public async Task PersistedQueriesStayWithinTheirBytesAndOnlyValidOnesAreKept()
    {
        for (var i = 0; i < 100; i++)
        {
            var query = $"query P{i} {{ categories {{ code }} }}" + new string(' ', 1_000);
            using var response = await PersistAsync(query, withQuery: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var persisted = api.Services.GetRequiredService<PersistedQueries>().Statistics;
        Assert.InRange(persisted.CurrentEstimatedSize ?? 0, 1, SmallCachesDirectoryFactory.PersistedQueryCacheBytes);

        const string Invalid = "query Invalid { nope }";
        using (var _ = await PersistAsync(Invalid, withQuery: true))
        {
        }

        using var byHashOnly = await PersistAsync(Invalid, withQuery: false);
        Assert.Contains("PERSISTED_QUERY_NOT_FOUND", await byHashOnly.Content.ReadAsStringAsync());
    }

    private GraphQLClient Client() => new(_http);

    private async Task<HttpResponseMessage> PersistAsync(string query, bool withQuery)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        return await _http.PostAsJsonAsync("/graphql", withQuery ? new { query, extensions } : (object)new { extensions });
    }
}

/// <summary>Each client's budget of query cost per minute.</summary>
public sealed class ReadBudgetTests(SmallReadBudgetDirectoryFactory api) : IClassFixture<SmallReadBudgetDirectoryFactory>
{
    [Fact]
    public async Task AClientThatSpendsItsBudgetIsToldToComeBackLaterAndNothingRuns()
    {
        var http = api.CreateClient();
        var commandsBefore = 0;
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 100 && refused is null; i++)
        {
            commandsBefore = api.Commands.Count;
            var response = await http.PostAsJsonAsync("/graphql", new { query = "{ services(first: 100) { edges { node { id name } } } }" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"RATE_LIMITED\"", body);
        Assert.DoesNotContain("\"data\"", body);
        Assert.Equal(commandsBefore, api.Commands.Count);
    }

    [Fact]
    public async Task TheOpenReferralFeedSpendsTheSameBudget()
    {
        var http = api.CreateClient();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 20 && refused is null; i++)
        {
            var response = await http.GetAsync("/openreferral/services?per_page=50");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("*", refused.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("rate limited", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefusedRequestsSpendTheBudgetTooSoTheyCannotBeRepeatedForFree()
    {
        var http = api.CreateClient();
        var tooMany = "query { " + string.Join(' ', Enumerable.Range(0, 11).Select(i => $"c{i}: categories {{ code }}")) + " }";

        var refused = await new GraphQLClient(http).PostAsync(tooMany);
        using var next = await http.PostAsJsonAsync("/graphql", new { query = "{ services(first: 100) { edges { node { id } } } }" });

        Assert.Equal("QUERY_TOO_COMPLEX", refused.ErrorCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, next.StatusCode);
    }
}

/// <summary>Request bodies as Kestrel delivers them from a socket: counted while read, and timed.</summary>
public sealed class RequestBodyTests(KestrelDirectoryFactory api) : IClassFixture<KestrelDirectoryFactory>
{
    private readonly HttpClient _http = api.CreatePlainClient();

    [Fact]
    public async Task ARequestWhoseBodyArrivesTooSlowlyIsStoppedWithTimeout()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new SlowJsonContent(TimeSpan.FromSeconds(5)) };

        using var response = await _http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"TIMEOUT\"", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task AHugeChunkedBodyIsRefusedWithoutBeingReadWhole()
    {
        var body = new EndlessJsonContent(30 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = body };

        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The server may close the connection on a body it will not read: that is a refusal too.
            status = HttpStatusCode.RequestEntityTooLarge;
        }

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        // What was sent beyond the 256 KB limit sat in the sockets' buffers, never in the server's memory.
        Assert.True(body.BytesSent < 12 * 1024 * 1024, $"{body.BytesSent:N0} bytes were sent before the refusal");
    }

    /// <summary>Starts a request body, then stalls.</summary>
    private sealed class SlowJsonContent : HttpContent
    {
        private readonly TimeSpan _stall;

        public SlowJsonContent(TimeSpan stall)
        {
            _stall = stall;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("{\"query\":\"{ categories"u8.ToArray());
            await stream.FlushAsync();
            await Task.Delay(_stall);
            await stream.WriteAsync(" { code } }\"}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
