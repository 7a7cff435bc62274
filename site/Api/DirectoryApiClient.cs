using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Signpost.Site.Api;

/// <summary>
/// Reads the directory through its public GraphQL endpoint, exactly as an outside client would.
/// The <see cref="HttpClient"/> is injected so tests can point it at an in-process API.
/// </summary>
public sealed class DirectoryApiClient(HttpClient http, Uri endpoint)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ReferenceData> ReferenceDataAsync(CancellationToken cancellationToken) =>
        QueryAsync<ReferenceData>("ReferenceData", null, cancellationToken);

    public async Task<ServicesPage> ServicesPageAsync(string? after, CancellationToken cancellationToken) =>
        (await QueryAsync<ServicesData>("ServicesPage", new { after }, cancellationToken)).Services;

    /// <summary>Every listed service, page by page; <paramref name="progress"/> hears (fetched, total).</summary>
    public async Task<IReadOnlyList<Service>> AllServicesAsync(Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var services = new List<Service>();
        string? after = null;
        while (true)
        {
            var page = await ServicesPageAsync(after, cancellationToken);
            services.AddRange(page.Edges.Select(e => e.Node));
            progress?.Invoke(services.Count, page.TotalCount);
            if (!page.PageInfo.HasNextPage)
            {
                return services;
            }

            after = page.PageInfo.EndCursor ?? throw new SiteBuildException("The API said more services follow but gave no cursor.");
        }
    }

    private async Task<T> QueryAsync<T>(string queryName, object? variables, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = JsonContent.Create(new { query = Query(queryName), variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new SiteBuildException($"The API at {endpoint} did not answer: {e.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonObject? document;
            try
            {
                document = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                document = null;
            }

            if (document is null)
            {
                throw new SiteBuildException($"The API at {endpoint} answered {queryName} with HTTP {(int)response.StatusCode} and no GraphQL response.");
            }

            if (document["errors"] is JsonArray { Count: > 0 } errors)
            {
                throw new SiteBuildException($"The API refused {queryName}: {errors[0]?["message"]}");
            }

            return document["data"].Deserialize<T>(Json)
                ?? throw new SiteBuildException($"The API answered {queryName} with no data.");
        }
    }

    private static string Query(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Queries.{name}.graphql")
            ?? throw new InvalidOperationException($"Query {name}.graphql is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record ServicesData(ServicesPage Services);
}
