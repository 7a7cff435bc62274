using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Signpost.GraphQL.Errors;

namespace Signpost.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): POST with
/// <c>application/json</c>; GET for queries only; responses in
/// <c>application/graphql-response+json</c> (or <c>application/json</c> for older clients)
/// with the spec's status codes; automatic persisted queries; GraphiQL for browsers.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<DirectorySchema> executer,
    IGraphQLTextSerializer serializer,
    PersistedQueries persistedQueries,
    IOptions<GraphQLOptions> options,
    IWebHostEnvironment environment)
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("extensions") && AcceptsHtml(request))
        {
            await ServeGraphiQLAsync(http);
            return;
        }

        var responseType = NegotiateResponseType(request);
        if (responseType is null)
        {
            http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            await http.Response.WriteAsync($"Accept {GraphQLResponseJson} or {Json}.");
            return;
        }

        var (graphQLRequest, problem, problemStatus) = HttpMethods.IsPost(request.Method)
            ? await ReadPostAsync(http)
            : ReadGet(request);
        if (problem is not null)
        {
            await WriteAsync(http, responseType, problemStatus, RequestError(problem, ErrorCodes.BadUserInput));
            return;
        }

        var persisted = persistedQueries.Resolve(graphQLRequest!);
        if (persisted.Error is { } persistedError)
        {
            await WriteAsync(http, responseType, persistedError.Code == ErrorCodes.PersistedQueryNotFound ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
                new ExecutionResult { Errors = [persistedError] });
            return;
        }

        if (string.IsNullOrWhiteSpace(persisted.Query))
        {
            await WriteAsync(http, responseType, StatusCodes.Status400BadRequest, RequestError("The request has no query.", ErrorCodes.BadUserInput));
            return;
        }

        var result = await executer.ExecuteAsync(o =>
        {
            o.Query = persisted.Query;
            o.OperationName = graphQLRequest!.OperationName;
            o.Variables = graphQLRequest.Variables;
            o.Extensions = graphQLRequest.Extensions;
            o.RequestServices = http.RequestServices;
            o.User = http.User;
            o.CancellationToken = http.RequestAborted;
            o.UserContext[OnlyQueriesOverGetRule.HttpMethodKey] = request.Method.ToUpperInvariant();
        });

        if (result.Errors?.Any(e => e is MutationOverGetError) == true)
        {
            http.Response.Headers.Allow = "POST";
            await WriteAsync(http, responseType, StatusCodes.Status405MethodNotAllowed, result);
            return;
        }

        // graphql-response+json: a request that never executed (parse, validation or variable
        // errors) is a 4xx. application/json keeps 200 for every well-formed request, as the spec asks.
        var status = responseType == GraphQLResponseJson && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        await WriteAsync(http, responseType, status, result);
    }

    private async Task<(GraphQLRequest?, string?, int)> ReadPostAsync(HttpContext http)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"Send the request body as {Json}.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, "The request body must be UTF-8.", StatusCodes.Status415UnsupportedMediaType);
        }

        var limit = options.Value.MaxRequestBytes;
        if (request.ContentLength > limit)
        {
            return (null, $"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, http.RequestAborted);
            if (buffer.Length > limit)
            {
                return (null, $"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Position = 0;
            if (buffer.Length == 0 || PeekFirstNonWhiteSpace(buffer) != '{')
            {
                return (null, "The request body must be a JSON object with a \"query\".", StatusCodes.Status400BadRequest);
            }

            var parsed = await serializer.ReadAsync<GraphQLRequest>(buffer, http.RequestAborted);
            return parsed is null
                ? (null, "The request body must be a JSON object with a \"query\".", StatusCodes.Status400BadRequest)
                : (parsed, null, 0);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, "The request body is not valid JSON for a GraphQL request (query: string, variables: object, operationName: string).", StatusCodes.Status400BadRequest);
        }
    }

    private (GraphQLRequest?, string?, int) ReadGet(HttpRequest request)
    {
        try
        {
            return (new GraphQLRequest
            {
                Query = request.Query["query"].FirstOrDefault(),
                OperationName = request.Query["operationName"].FirstOrDefault() is { Length: > 0 } name ? name : null,
                Variables = request.Query["variables"].FirstOrDefault() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = request.Query["extensions"].FirstOrDefault() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            }, null, 0);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, "The variables and extensions parameters must be JSON objects.", StatusCodes.Status400BadRequest);
        }
    }

    private static int PeekFirstNonWhiteSpace(MemoryStream buffer)
    {
        var bytes = buffer.GetBuffer();
        for (var i = 0; i < buffer.Length; i++)
        {
            // Skip a UTF-8 byte order mark and JSON white space.
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
            {
                return bytes[i];
            }
        }

        return -1;
    }

    /// <summary>The response media type the client accepts, preferring graphql-response+json; null when it accepts neither.</summary>
    private static string? NegotiateResponseType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
        {
            return Json; // the spec's rule for clients that send no Accept header
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var value in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var quality = value.Quality ?? 1;
            if (quality <= 0)
            {
                continue;
            }

            var type = value.MediaType.Value?.ToLowerInvariant();
            var candidate = type switch
            {
                GraphQLResponseJson or "application/*" or "*/*" => GraphQLResponseJson,
                Json => Json,
                _ => null,
            };
            if (candidate is not null && (best is null || quality > bestQuality))
            {
                (best, bestQuality) = (candidate, quality);
            }
        }

        return best;
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private async Task ServeGraphiQLAsync(HttpContext http)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("graphiql/index.html");
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.SendFileAsync(page, http.RequestAborted);
    }

    private async Task WriteAsync(HttpContext http, string responseType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = responseType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static ExecutionResult RequestError(string message, string code) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };
}
