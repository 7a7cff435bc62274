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
                e!["node"]!["id"]!.GetValue<string>(), e["node"]!["name"]!.GetValue<string>(), e["reach"]!.GetValue<string>(),
                e["distanceKm"]?.GetValue<double>())));
            after = services["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? services["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        return found;
    }

    /// <summary>
    /// The API's order with services at the same distance by name (then id), as the site lists
    /// them: the API breaks those ties by id, which means nothing to a resident.
    /// </summary>
    public static List<FoundService> TiesByName(this IEnumerable<FoundService> found)
    {
        var ordered = new List<FoundService>();
        foreach (var run in found.Aggregate(new List<List<FoundService>>(), (runs, f) =>
                 {
                     if (runs.Count > 0 && runs[^1][0].Reach == f.Reach && runs[^1][0].DistanceKm == f.DistanceKm) runs[^1].Add(f);
                     else runs.Add([f]);
                     return runs;
                 }))
        {
            ordered.AddRange(run.OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Id, StringComparer.Ordinal));
        }

        return ordered;
    }
}

/// <summary>A service as a search near a place found it; <paramref name="Reach"/> is LOCATION or SERVICE_AREA.</summary>
public sealed record FoundService(string Id, string Name, string Reach, double? DistanceKm)
{
    public bool ByLocation => Reach == "LOCATION";

    /// <summary>Its page on the site, which is how the site's lists link it.</summary>
    public string Url => SiteUrls.Service(Name, Id);
}
