using Signpost.Embedding;
using System.Diagnostics;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Signpost.GraphQL.Errors;
using Signpost.GraphQL.Limits;
using Signpost.Networking;

namespace Signpost.GraphQL.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/): POST with
/// <c>application/json</c>; GET for queries only; responses in
/// <c>application/graphql-response+json</c> (or <c>application/json</c> for older clients)
/// with the spec's status codes; automatic persisted queries; GraphiQL for browsers. Every
/// request is bounded: its body while it is read, its time (<c>GraphQL:RequestTimeout</c>, and
/// the client going away), and its cost (see <see cref="QueryCostRule"/>).
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    IDocumentExecuter<DirectorySchema> executer,
    IGraphQLTextSerializer serializer,
    PersistedQueries persistedQueries,
    GraphQLTelemetry telemetry,
    ReadBudget budget,
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

        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        timeout.CancelAfter(limits.RequestTimeout);
        using var trace = telemetry.Start(http);
        var (client, clientProblem) = await http.RequestServices.GetRequiredService<ReadClients>().ResolveAsync(http);
        trace.UserContext[QueryCostRule.ClientKey] = client;
        try
        {
            var result = clientProblem is null
                ? await RunAsync(http, trace.UserContext, timeout.Token)
                : RequestError(StatusCodes.Status401Unauthorized, clientProblem, ErrorCodes.Unauthenticated);
            trace.Finish(result);
            if (trace.UserContext.GetValueOrDefault(QueryCostRule.CostKey) is double cost)
            {
                // What the request cost and what the client has left this minute, so clients can pace themselves.
                http.Response.Headers["X-Query-Cost"] = cost.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
                http.Response.Headers["X-Query-Budget-Remaining"] = budget.Remaining(client!).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await WriteAsync(http, responseType, StatusFor(http, responseType, result), result);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            var result = new ExecutionResult
            {
                Errors = [new RequestLimitError(ErrorCodes.Timeout, $"The request took longer than {limits.RequestTimeout.TotalSeconds:0.#} s and was stopped. Ask for less at once, or try again later.")],
            };
            trace.Finish(result);
            http.Response.Headers.RetryAfter = "5";
            await WriteAsync(http, responseType, StatusCodes.Status503ServiceUnavailable, result);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            trace.Abandoned(); // the client went away: nobody to answer
        }
    }

    private async Task<ExecutionResult> RunAsync(HttpContext http, Dictionary<string, object?> userContext, CancellationToken cancellationToken)
    {
        var request = http.Request;
        var (graphQLRequest, problem) = HttpMethods.IsPost(request.Method)
            ? await ReadPostAsync(http, cancellationToken)
            : ReadGet(request);
        if (problem is not null)
        {
            return problem;
        }

        var persisted = persistedQueries.Resolve(graphQLRequest!);
        if (persisted.Error is { } persistedError)
        {
            return new ExecutionResult { Errors = [persistedError] };
        }

        if (string.IsNullOrWhiteSpace(persisted.Query))
        {
            return RequestError(StatusCodes.Status400BadRequest, "The request has no query.", ErrorCodes.BadUserInput);
        }

        // A client that has spent its budget is refused before anything is parsed.
        var client = (ReadClient)userContext[QueryCostRule.ClientKey]!;
        if (!budget.TryCharge(client, 0, out var retryAfter))
        {
            return new ExecutionResult { Errors = [new ReadBudgetExceededError(default, null, retryAfter, client.BudgetPerMinute)] };
        }

        var result = await executer.ExecuteAsync(o =>
        {
            o.Query = persisted.Query;
            o.OperationName = graphQLRequest!.OperationName;
            o.Variables = graphQLRequest.Variables;
            o.Extensions = graphQLRequest.Extensions;
            o.RequestServices = http.RequestServices;
            o.User = http.User;
            o.CancellationToken = cancellationToken;
            o.UserContext = userContext;
            o.UserContext[OnlyQueriesOverGetRule.HttpMethodKey] = request.Method.ToUpperInvariant();
        });

        if (result.Executed)
        {
            persistedQueries.Remember(persisted);
        }
        else if (result.Errors?.Any(e => e.Code is ErrorCodes.QueryTooComplex or ErrorCodes.ParseFailed) == true)
        {
            budget.Spend(client, options.Value.RefusalCost);
        }

        return result;
    }

    private static int StatusFor(HttpContext http, string responseType, ExecutionResult result)
    {
        if (result.Errors is { Count: > 0 } errors)
        {
            if (errors.OfType<ReadBudgetExceededError>().FirstOrDefault() is { } overBudget)
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(overBudget.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return StatusCodes.Status429TooManyRequests;
            }

            if (errors.Any(e => e is MutationOverGetError))
            {
                http.Response.Headers.Allow = "POST";
                return StatusCodes.Status405MethodNotAllowed;
            }

            if (errors.OfType<HttpRequestError>().FirstOrDefault() is { } requestError)
            {
                return requestError.Status;
            }

            if (errors.Any(e => e.Code == ErrorCodes.PersistedQueryNotFound))
            {
                return StatusCodes.Status200OK;
            }
        }

        // graphql-response+json: a request that never executed (parse, validation, variable or
        // size errors) is a 4xx. application/json keeps 200 for every well-formed request, as the spec asks.
        return responseType == GraphQLResponseJson && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private async Task<(GraphQLRequest?, ExecutionResult?)> ReadPostAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return (null, RequestError(StatusCodes.Status415UnsupportedMediaType, $"Send the request body as {Json}.", ErrorCodes.BadUserInput));
        }

        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return (null, RequestError(StatusCodes.Status415UnsupportedMediaType, "The request body must be UTF-8.", ErrorCodes.BadUserInput));
        }

        if (await BoundedBody.ReadAsync(http, options.Value.MaxRequestBytes, cancellationToken) is not { } body)
        {
            return (null, RequestError(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.Value.MaxRequestBytes} bytes.", ErrorCodes.BadUserInput));
        }

        const string NotARequest = "The request body must be a JSON object with a \"query\".";
        if (body.Length == 0 || FirstNonWhiteSpace(body.Span) != '{')
        {
            return (null, RequestError(StatusCodes.Status400BadRequest, NotARequest, ErrorCodes.BadUserInput));
        }

        try
        {
            var parsed = serializer.Deserialize<GraphQLRequest>(System.Text.Encoding.UTF8.GetString(body.Span));
            return parsed is null
                ? (null, RequestError(StatusCodes.Status400BadRequest, NotARequest, ErrorCodes.BadUserInput))
                : (parsed, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, RequestError(StatusCodes.Status400BadRequest, "The request body is not valid JSON for a GraphQL request (query: string, variables: object, operationName: string).", ErrorCodes.BadUserInput));
        }
    }

    private (GraphQLRequest?, ExecutionResult?) ReadGet(HttpRequest request)
    {
        try
        {
            return (new GraphQLRequest
            {
                Query = request.Query["query"].FirstOrDefault(),
                OperationName = request.Query["operationName"].FirstOrDefault() is { Length: > 0 } name ? name : null,
                Variables = request.Query["variables"].FirstOrDefault() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = request.Query["extensions"].FirstOrDefault() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            }, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, RequestError(StatusCodes.Status400BadRequest, "The variables and extensions parameters must be JSON objects.", ErrorCodes.BadUserInput));
        }
    }

    private static int FirstNonWhiteSpace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            // Skip a UTF-8 byte order mark and JSON white space.
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF))
            {
                return b;
            }
        }

        return -1;
    }

    /// <summary>
    /// The response media type: graphql-response+json when the client names it (and prefers it);
    /// application/json when it names that, sends no Accept header, or accepts anything (<c>*/*</c>),
    /// as the spec advises for clients that did not ask for the new type; null when it accepts neither.
    /// </summary>
    private static string? NegotiateResponseType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
        {
            return Json;
        }

        string? best = null;
        var bestQuality = 0.0;
        foreach (var value in accept)
        {
            var quality = value.Quality ?? 1;
            var candidate = value.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponseJson => GraphQLResponseJson,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };
            if (candidate is null || quality <= 0)
            {
                continue;
            }

            // Equal quality: the named graphql-response+json wins over anything broader.
            if (best is null || quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponseJson))
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

    private static ExecutionResult RequestError(int status, string message, string code) =>
        new() { Errors = [new HttpRequestError(status, message, code)] };

    /// <summary>A request refused at the HTTP level (media type, size, malformed body), with its status.</summary>
    private sealed class HttpRequestError : ExecutionError
    {
        public HttpRequestError(int status, string message, string code) : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }
    }
}
