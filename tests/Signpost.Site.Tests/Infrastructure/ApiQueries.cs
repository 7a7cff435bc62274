using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>Runs the .graphql files in Queries/ against the in-process API.</summary>
public static class ApiQueries
{
    public static async Task<JsonNode> RunAsync(HttpClient http, string name, object variables, string? apiKey = null)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Queries", name + ".graphql"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }

        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["errors"] is JsonArray { Count: > 0 } errors ? throw new InvalidOperationException(errors.ToJsonString()) : body["data"]!;
    }
}
