using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>Runs the .graphql files in Queries/ against the in-process API.</summary>
public static class ApiQueries
{
    public static async Task<JsonNode> RunAsync(HttpClient http, string name, object variables)
    {
        var query = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Queries", name + ".graphql"));
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["errors"] is JsonArray { Count: > 0 } errors ? throw new InvalidOperationException(errors.ToJsonString()) : body["data"]!;
    }
}
