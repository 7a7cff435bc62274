using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>The endpoint follows the GraphQL over HTTP specification.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class GraphQLOverHttpTests(DirectoryApiFactory api)
{
    private const string ResponseJson = "application/graphql-response+json";
    private const string CategoriesQuery = "query { categories { code } }";
    private readonly HttpClient _http = api.CreateClient();

    [Fact]
    public async Task PostWithGraphQLResponseJsonAnswersInThatMediaType()
    {
        using var response = await PostAsync(new { query = CategoriesQuery }, accept: ResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResponseJson, response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await Json(response))["data"]!["categories"]);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task LegacyClientsGetApplicationJson(string? accept)
    {
        using var response = await PostAsync(new { query = CategoriesQuery }, accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AnUnacceptableMediaTypeIs406()
    {
        using var response = await PostAsync(new { query = CategoriesQuery }, accept: "text/csv");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415()
    {
        using var response = await _http.PostAsync("/graphql", new StringContent(CategoriesQuery, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"query\"")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"{ categories { code } }\", \"variables\": [1]}")]
    public async Task MalformedRequestsAre400WithAnError(string body)
    {
        using var response = await _http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await Json(response);
        Assert.Equal("BAD_USER_INPUT", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARequestWithoutAQueryIs400()
    {
        using var response = await PostAsync(new { operationName = "X" }, accept: ResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ValidationErrorsAre400InGraphQLResponseJsonAnd200InApplicationJson()
    {
        var invalid = new { query = "query { services { nope } }" };
        using var modern = await PostAsync(invalid, accept: ResponseJson);
        using var legacy = await PostAsync(invalid, accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, modern.StatusCode);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        var json = await Json(modern);
        Assert.Null(json["data"]);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task ParseErrorsAre400WithTheirOwnCode()
    {
        using var response = await PostAsync(new { query = "query { services(" }, accept: ResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("GRAPHQL_PARSE_FAILED", (await Json(response))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownOperationNameIsBadUserInput()
    {
        using var response = await PostAsync(new { query = "query A { categories { code } }", operationName = "B" }, accept: ResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", (await Json(response))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetRunsQueriesWithVariables()
    {
        var query = Uri.EscapeDataString("query($p: String!) { geocode(postcode: $p) { latitude } }");
        var variables = Uri.EscapeDataString("{\"p\":\"EX10 8XX\"}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&variables={variables}");
        request.Headers.Accept.ParseAdd(ResponseJson);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Json(response))["data"]!["geocode"]!["latitude"]);
    }

    [Fact]
    public async Task MutationsOverGetAre405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { anything }"));
        request.Headers.Accept.ParseAdd(ResponseJson);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task OtherMethodsAre405()
    {
        using var response = await _http.PutAsync("/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task BrowsersGetGraphiQLServedLocally()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await _http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("https://", html); // nothing from a CDN: it works offline
        foreach (var asset in new[] { "/graphiql/graphiql.min.js", "/graphiql/graphiql.min.css", "/graphiql/react.production.min.js", "/graphiql/react-dom.production.min.js", "/graphiql/start.js" })
        {
            Assert.Contains(asset, html);
            using var file = await _http.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }
    }

    [Fact]
    public async Task PersistedQueriesAreLearnedThenServedByHash()
    {
        var query = "query { categories { code name } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };

        using var unknown = await PostAsync(new { extensions }, accept: "application/json");
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await Json(unknown))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());

        using var register = await PostAsync(new { query, extensions }, accept: ResponseJson);
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);

        var url = "/graphql?extensions=" + Uri.EscapeDataString($"{{\"persistedQuery\":{{\"version\":1,\"sha256Hash\":\"{hash}\"}}}}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(ResponseJson);
        using var byHash = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, byHash.StatusCode);
        Assert.NotEmpty((await Json(byHash))["data"]!["categories"]!.AsArray());
    }

    [Fact]
    public async Task APersistedQueryWhoseHashDoesNotMatchIsRefused()
    {
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('a', 64) } };
        using var response = await PostAsync(new { query = CategoriesQuery, extensions }, accept: ResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", (await Json(response))["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task OverlyDeepQueriesAreRefused()
    {
        var deep = "query { categories { " + string.Concat(Enumerable.Repeat("children { ", 20)) + "code" + new string('}', 21) + " }";
        using var response = await PostAsync(new { query = deep }, accept: ResponseJson);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(object body, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return await _http.SendAsync(request);
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
