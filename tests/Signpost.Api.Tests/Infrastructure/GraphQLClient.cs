using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// Posts the .graphql files in Queries/ to the API over HTTP, as any client would; with an API
/// key, as a moderator's client would (Authorization: Bearer).
/// </summary>
public sealed class GraphQLClient(HttpClient http, string? apiKey = null)
{
    public static string Query(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Queries", name + ".graphql"));

    public async Task<GraphQLResponse> PostAsync(string query, object? variables = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    public Task<GraphQLResponse> RunAsync(string queryFile, object? variables = null, string? operationName = null) =>
        PostAsync(Query(queryFile), variables, operationName);
}

public sealed record GraphQLResponse(int Status, JsonObject Body)
{
    public JsonNode? Data => Body["data"];

    public JsonArray? Errors => Body["errors"]?.AsArray();

    public JsonNode Error => Errors is { Count: > 0 } errors ? errors[0]! : throw new Xunit.Sdk.XunitException($"Expected an error but got {Body.ToJsonString()}");

    public string? ErrorCode => Error["extensions"]?["code"]?.GetValue<string>();

    public JsonNode DataOrFail() => Errors is { Count: > 0 }
        ? throw new Xunit.Sdk.XunitException($"Expected data but got errors: {Errors.ToJsonString()}")
        : Data!;

    /// <summary>The response as indented JSON, for snapshots and failure messages.</summary>
    public string Pretty() => Body.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public override string ToString() => Pretty();
}
