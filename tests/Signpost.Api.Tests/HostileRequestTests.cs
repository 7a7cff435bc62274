using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// Requests a hostile client would send: each is refused quickly, with its own code, before it
/// costs the server more than its limits allow, and the API carries on answering everyone else.
/// Timeouts here only turn a hang into a failure; they measure nothing.
/// </summary>
[Collection(DirectoryCollection.Name)]
public sealed class HostileRequestTests(DirectoryApiFactory api)
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = api.CreateClient();

    [Theory]
    [InlineData(40, "spread other fragments")]
    [InlineData(30, "once its fragments are expanded")]
    public async Task FragmentsThatDoubleAtEachLevelAreRefusedBeforeAnythingExpandsThem(int levels, string reason)
    {
        var document = new StringBuilder($"query {{ ...F{levels} }}\nfragment F0 on Query {{ __typename }}\n");
        for (var i = 1; i <= levels; i++)
        {
            document.Append($"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}\n");
        }

        var response = await PostAsync(document.ToString()).WaitAsync(Hang);

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", response.ErrorCode);
        Assert.Contains(reason, response.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task FragmentsNestedInsideServicesAreCountedOnceEachAndStillPriced()
    {
        // 2^12 copies of a service's fields once expanded: within no limit.
        var document = new StringBuilder("query { services(first: 100) { edges { node { ...S12 } } } }\nfragment S0 on Service { id name locations { id } }\n");
        for (var i = 1; i <= 12; i++)
        {
            document.Append($"fragment S{i} on Service {{ ...S{i - 1} ...S{i - 1} }}\n");
        }

        var response = await PostAsync(document.ToString()).WaitAsync(Hang);

        Assert.Equal("QUERY_TOO_COMPLEX", response.ErrorCode);
    }

    [Fact]
    public async Task ManyAliasedSearchesInOneRequestAreRefused()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 1_000).Select(i => $"s{i}: services(first: 100) {{ totalCount }}"));

        var response = await PostAsync($"query {{ {aliases} }}").WaitAsync(Hang);

        Assert.Equal("QUERY_TOO_COMPLEX", response.ErrorCode);
        Assert.Contains("1,000 top-level fields", response.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACachedDocumentIsPricedAgainWithEachRequestsVariables()
    {
        var lists = string.Join(' ', Enumerable.Range(0, 400).Select(i => $"l{i}: locations {{ id name }}"));
        var query = $"query Heavy($n: Int) {{ services(first: $n) {{ edges {{ node {{ id {lists} }} }} }} }}";

        var small = await PostAsync(query, new { n = 2 });
        var large = await PostAsync(query, new { n = 100 });

        small.DataOrFail();
        Assert.Equal("QUERY_TOO_COMPLEX", large.ErrorCode);
        Assert.Contains("The query costs 440,", large.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryAnswerSaysWhatTheQueryCost()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ services(first: 10) { edges { node { id name } } } }" }) };

        using var response = await _http.SendAsync(request);

        // The search (1 + 50), its edges list (1), and 10 × (node, id, name).
        Assert.Equal("82", response.Headers.GetValues("X-Query-Cost").Single());
        Assert.True(long.Parse(response.Headers.GetValues("X-Query-Budget-Remaining").Single()) > 0);
    }

    [Fact]
    public async Task GraphiQLsSchemaQueryIsAccepted()
    {
        var response = await PostAsync(GraphQLClient.Query("GraphiQLIntrospection"));

        var schema = response.DataOrFail()["__schema"]!;
        Assert.Equal("Query", schema["queryType"]!["name"]!.GetValue<string>());
        Assert.Contains(schema["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Service");
    }

    [Fact]
    public async Task ANestedIntrospectionQueryIsPricedAtWhatItWouldReturn()
    {
        var nested = "query { __schema { types { fields { type { fields { type { fields { type { fields { type { fields { name } } } } } } } } } } } }";

        var response = await PostAsync(nested);

        Assert.Equal("QUERY_TOO_COMPLEX", response.ErrorCode);
    }

    [Theory]
    [InlineData("ReferenceData")]
    [InlineData("ServicesPage")]
    public async Task TheSitesOwnQueriesCostHalfTheLimitAtMost(string siteQuery)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(SharedMaterial.RepositoryRoot(), "site", "Api", "Queries", siteQuery + ".graphql"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cost = int.Parse(response.Headers.GetValues("X-Query-Cost").Single());
        Assert.InRange(cost, 1, 100_000 / 2);
    }

    [Fact]
    public async Task AQueryNestedTooDeeplyToParseIsABadRequestWithItsOwnCode()
    {
        var deep = "query { categories { " + string.Concat(Enumerable.Repeat("children { ", 100)) + "code" + new string('}', 101) + " }";

        var response = await PostAsync(deep).WaitAsync(Hang);

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("GRAPHQL_PARSE_FAILED", response.ErrorCode);
        Assert.Contains("nested too deeply", response.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AVariableOfTheWrongTypeNamesTheVariable()
    {
        var response = await PostAsync("query ($lat: Float!) { services(near: { latitude: $lat, longitude: -3.24 }) { totalCount } }", new { lat = "north" });

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal("$lat", response.Error["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task AVariableInsideAnInputNamesItsPath()
    {
        var response = await PostAsync("query ($near: GeoPointInput) { services(near: $near) { totalCount } }", new { near = new { latitude = "NaN", longitude = 0 } });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.StartsWith("$near", response.Error["extensions"]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*")]
    public async Task AClientThatAcceptsAnythingGetsApplicationJson(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ categories { code } }" }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AContextLeftMidOperationByAFailedRequestNeverReachesTheNextRequest()
    {
        // What an out-of-memory failure inside EF Core leaves behind: a context whose concurrency
        // guard was entered and never left, returned when its request ended.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            db.GetService<IConcurrencyDetector>().EnterCriticalSection();
        }

        for (var i = 0; i < 20; i++)
        {
            (await PostAsync("{ services(first: 3) { edges { node { name organization { name } } } } }")).DataOrFail();
        }
    }

    [Fact]
    public async Task AClientThatGivesUpMidRequestLeavesTheApiAnsweringNormally()
    {
        for (var i = 0; i < 10; i++)
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(i));
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = GraphQLClient.Query("NearMe"), variables = new { postcode = "EX10 8XX", radiusKm = 200, first = 100 } }) };
            try
            {
                using var _ = await _http.SendAsync(request, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                // expected: the client gave up
            }
        }

        var after = await PostAsync(GraphQLClient.Query("NearMe"), new { postcode = "EX10 8XX", radiusKm = 10, first = 5 });
        Assert.Equal(5, after.DataOrFail()["services"]!["edges"]!.AsArray().Count);
    }

    private async Task<GraphQLResponse> PostAsync(string query, object? variables = null) =>
        await new GraphQLClient(_http).PostAsync(query, variables);
}

/// <summary>A JSON body of the given size sent chunked (no Content-Length), counting what the server read.</summary>
internal sealed class EndlessJsonContent : HttpContent
{
    private readonly long _size;

    public EndlessJsonContent(long size)
    {
        _size = size;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    public long BytesSent { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = Encoding.UTF8.GetBytes("{\"query\":\"" + new string(' ', 64 * 1024));
        var spaces = Encoding.UTF8.GetBytes(new string(' ', 64 * 1024));
        await stream.WriteAsync(chunk);
        BytesSent += chunk.Length;
        while (BytesSent < _size)
        {
            await stream.WriteAsync(spaces);
            BytesSent += spaces.Length;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
