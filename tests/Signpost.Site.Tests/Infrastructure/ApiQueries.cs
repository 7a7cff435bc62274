using System.Net.Http.Json;
using System.Text.Json;
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

    /// <summary>
    /// Every service the API finds near a place (Queries/Nearest.graphql), page after page, in its
    /// order: those with a location within the radius, then those reaching the place only by area.
    /// </summary>
    public static async Task<List<FoundService>> NearestAsync(HttpClient http, object variables)
    {
        var found = new List<FoundService>();
        string? after = null;
        do
        {
            var page = JsonSerializer.SerializeToNode(variables)!.AsObject();
            page["after"] = after;
            var services = (await RunAsync(http, "Nearest", page))["services"]!;
            found.AddRange(services["edges"]!.AsArray().Select(e => new FoundService(
                e!["node"]!["id"]!.GetValue<string>(), e["node"]!["name"]!.GetValue<string>(), e["reach"]!.GetValue<string>())));
            after = services["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? services["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        return found;
    }
}

/// <summary>A service as a search near a place found it; <paramref name="Reach"/> is LOCATION or SERVICE_AREA.</summary>
public sealed record FoundService(string Id, string Name, string Reach)
{
    public bool ByLocation => Reach == "LOCATION";

    /// <summary>Its page on the site, which is how the site's lists link it.</summary>
    public string Url => SiteUrls.Service(Name, Id);
}
