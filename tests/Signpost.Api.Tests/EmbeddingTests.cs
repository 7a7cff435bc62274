using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Signpost.Embedding;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// Other sites using the directory: any origin may read GraphQL and the Open Referral feed, never
/// with credentials; the console answers no other origin; client keys give a registered site its
/// own budget, only from its own origins; every answer names the data's licence.
/// </summary>
public sealed class EmbeddingTests(SmallReadBudgetDirectoryFactory api) : IClassFixture<SmallReadBudgetDirectoryFactory>
{
    private const string Elsewhere = "https://gp-practice.example";
    private const string Query = "{ categories { code } }";

    [Theory]
    [InlineData("/graphql", "POST")]
    [InlineData("/openreferral/services", "GET")]
    public async Task AnyOriginMayReadWithoutCredentialsAndMaySendAClientKeyButNeverAnApiKey(string path, string method)
    {
        using var http = api.CreateClient();

        using var allowed = await PreflightAsync(http, path, method, "content-type,x-signpost-client");
        using var withKey = await PreflightAsync(http, path, method, "content-type,authorization");

        Assert.Equal("*", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(allowed, "Access-Control-Allow-Credentials"));
        Assert.Contains("x-signpost-client", Header(allowed, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("authorization", Header(withKey, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheModerationConsoleAndTheReminderPagesAnswerNoOtherOrigin()
    {
        using var http = api.CreateClient();
        foreach (var path in new[] { "/moderate/sign-in", $"/reminders/{Guid.NewGuid()}/still-correct" })
        {
            using var preflight = await PreflightAsync(http, path, "POST", "content-type");
            using var get = new HttpRequestMessage(HttpMethod.Get, path);
            get.Headers.Add("Origin", Elsewhere);
            using var response = await http.SendAsync(get);

            Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
            Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task ARegisteredSiteSpendsItsOwnLargerBudgetFromItsOwnOriginOnly()
    {
        var key = await CreateKeyAsync("Sidmouth Surgery", "--origin", "https://sidmouthsurgery.example", "--budget", "30000");
        using var http = api.CreateClient();

        using var anonymous = await GraphQLAsync(http, origin: "https://sidmouthsurgery.example");
        using var own = await GraphQLAsync(http, key, "https://sidmouthsurgery.example");
        using var server = await GraphQLAsync(http, key, origin: null);
        using var other = await GraphQLAsync(http, key, Elsewhere);

        Assert.True(Remaining(anonymous) <= 3000);
        Assert.True(Remaining(own) is > 3000 and < 30000);
        Assert.Equal(HttpStatusCode.OK, server.StatusCode); // a server sends no Origin
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        var error = JsonNode.Parse(await other.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("UNAUTHENTICATED", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("X-Signpost-Client: the key for 'Sidmouth Surgery' is registered for https://sidmouthsurgery.example, not for pages at https://gp-practice.example.", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARegisteredSitesRequestsAreNamedInTelemetry()
    {
        var key = await CreateKeyAsync("Telemetry Surgery");
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Signpost.GraphQL",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activity => seen.Add(activity.GetTagItem("signpost.client") as string ?? "-"),
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var http = api.CreateClient();

        using var response = await GraphQLAsync(http, key, origin: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Telemetry Surgery", seen);
    }

    [Fact]
    public async Task AnUnknownOrRevokedClientKeyIsRefusedSayingSoByGraphQLAndTheFeed()
    {
        var revoked = await CreateKeyAsync("Closed Charity");
        Assert.Equal(0, await ClientKeysCommand.RunAsync(api.Services, ["revoke", "--name", "Closed Charity"], TextWriter.Null, TextWriter.Null));
        using var http = api.CreateClient();

        foreach (var key in new[] { revoked, "spc_made-up-key-of-24-chars", "not even a key" })
        {
            using var graphql = await GraphQLAsync(http, key, origin: null);
            using var feedRequest = new HttpRequestMessage(HttpMethod.Get, "/openreferral/services");
            feedRequest.Headers.Add(ReadClient.Header, key);
            using var feed = await http.SendAsync(feedRequest);

            Assert.Equal(HttpStatusCode.Unauthorized, graphql.StatusCode);
            Assert.Contains("X-Signpost-Client: this client key is not known, or has been revoked.", await graphql.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Unauthorized, feed.StatusCode);
            Assert.Contains("X-Signpost-Client: this client key is not known", await feed.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task RegisteringAKeyNamesTheProblemWithAnOriginOrABudget()
    {
        var badOrigin = new StringWriter();
        var badBudget = new StringWriter();

        Assert.Equal(2, await ClientKeysCommand.RunAsync(api.Services, ["create", "--name", "Bad origin", "--origin", "https://site.example/page"], TextWriter.Null, badOrigin));
        Assert.Equal(2, await ClientKeysCommand.RunAsync(api.Services, ["create", "--name", "Greedy", "--budget", "999999999"], TextWriter.Null, badBudget));

        Assert.StartsWith("--origin: 'https://site.example/page' is not an origin", badOrigin.ToString());
        Assert.StartsWith("--budget: give a query cost per minute from 1 to 30,000", badBudget.ToString());
    }

    [Fact]
    public async Task EveryReadingAnswerNamesTheDataLicenceAndTheQueryGivesTheAttribution()
    {
        using var http = api.CreateClient();
        using var graphql = await http.PostAsJsonAsync("/graphql", new { query = "{ dataLicence { name url attribution } }" });
        using var feed = await http.GetAsync("/openreferral/services");

        var licence = JsonNode.Parse(await graphql.Content.ReadAsStringAsync())!["data"]!["dataLicence"]!;
        Assert.Equal("Open Government Licence v3.0", licence["name"]!.GetValue<string>());
        Assert.Contains("Contains OS data", licence["attribution"]!.GetValue<string>());
        var link = $"<{licence["url"]!.GetValue<string>()}>; rel=\"license\"";
        Assert.Equal(link, Header(graphql, "Link"));
        Assert.Equal(link, Header(feed, "Link"));
    }

    [Fact]
    public async Task TheApiHostServesTheFinderScriptFilledInWithTheDirectorysOwnAddressesToAnyOrigin()
    {
        using var http = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/embed/signpost-finder.js");
        request.Headers.Add("Origin", Elsewhere);
        using var response = await http.SendAsync(request);
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("customElements", script);
        Assert.DoesNotContain("%SIGNPOST_", script);
        Assert.Contains("\"http://localhost:5080/graphql\"", script);
    }

    private async Task<string> CreateKeyAsync(string name, params string[] options)
    {
        var output = new StringWriter();
        Assert.Equal(0, await ClientKeysCommand.RunAsync(api.Services, ["create", "--name", name, .. options], output, Console.Error));
        return output.ToString().Trim().Split('\n')[^1].Trim();
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient http, string path, string method, string headers)
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
        preflight.Headers.Add("Origin", Elsewhere);
        preflight.Headers.Add("Access-Control-Request-Method", method);
        preflight.Headers.Add("Access-Control-Request-Headers", headers);
        return await http.SendAsync(preflight);
    }

    private static async Task<HttpResponseMessage> GraphQLAsync(HttpClient http, string? key = null, string? origin = Elsewhere)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = Query }) };
        if (key is not null)
        {
            request.Headers.Add(ReadClient.Header, key);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await http.SendAsync(request);
    }

    private static long Remaining(HttpResponseMessage response) => long.Parse(Header(response, "X-Query-Budget-Remaining")!, System.Globalization.CultureInfo.InvariantCulture);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
