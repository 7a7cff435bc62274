using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQLParser.AST;
using Signpost.GraphQL.Errors;
using Signpost.GraphQL.Limits;

namespace Signpost.GraphQL.Http;

/// <summary>
/// Traces, metrics and a log line for every GraphQL request: the operation's type, its top-level
/// fields (names from the schema, never text the client chose), its cost, its outcome and how long
/// it took. OpenTelemetry exports them when configured (see TelemetryServiceCollectionExtensions).
/// </summary>
internal sealed partial class GraphQLTelemetry : IDisposable
{
    public const string SourceName = "Signpost.GraphQL";

    private static readonly ActivitySource Source = new(SourceName);
    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _refused;

    /// <summary>Requests slower than this are logged as warnings.</summary>
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);

    public GraphQLTelemetry(ILogger<GraphQLTelemetry> logger)
    {
        Logger = logger;
        _meter = new Meter(SourceName);
        _duration = _meter.CreateHistogram<double>("signpost.graphql.request.duration", "s", "Time to answer a GraphQL request.");
        _refused = _meter.CreateCounter<long>("signpost.graphql.request.errors", description: "GraphQL requests answered with an error, by code.");
    }

    private ILogger Logger { get; }

    public RequestTrace Start(HttpContext http)
    {
        return new RequestTrace(this, Source.StartActivity("GraphQL request", ActivityKind.Internal));
    }

    public void Dispose() => _meter.Dispose();

    internal sealed class RequestTrace(GraphQLTelemetry telemetry, Activity? activity) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private bool _finished;

        /// <summary>The execution's UserContext, where the cost rule leaves the operation's cost.</summary>
        public Dictionary<string, object?> UserContext { get; } = [];

        public void Finish(ExecutionResult result)
        {
            _finished = true;
            var elapsed = Stopwatch.GetElapsedTime(_started);
            var operation = result.Operation?.Operation switch
            {
                OperationType.Mutation => "mutation",
                OperationType.Subscription => "subscription",
                OperationType.Query => "query",
                _ => "request",
            };
            // Field names are the schema's only once the document validated.
            var fields = result.Executed && result.Operation is { } op ? RootFields(op) : "-";
            var cost = UserContext.TryGetValue(QueryCostRule.CostKey, out var c) && c is double d ? d : (double?)null;
            var code = result.Errors is { Count: > 0 } errors ? errors[0].Code ?? ErrorCodes.InternalServerError : null;

            // A registered site by its name (few, by registration), everyone else as "anonymous".
            var client = UserContext.GetValueOrDefault(QueryCostRule.ClientKey) is Signpost.Embedding.ReadClient reader ? reader.Name : Signpost.Embedding.ReadClient.Anonymous;
            var tags = new TagList { { "graphql.operation.type", operation }, { "signpost.outcome", code ?? "OK" }, { "signpost.client", client } };
            telemetry._duration.Record(elapsed.TotalSeconds, tags);
            if (code is not null)
            {
                telemetry._refused.Add(1, tags);
            }

            if (activity is not null)
            {
                activity.DisplayName = $"GraphQL {operation} {fields}";
                activity.SetTag("graphql.operation.type", operation);
                activity.SetTag("graphql.fields", fields);
                activity.SetTag("signpost.cost", cost);
                activity.SetTag("signpost.client", client);
                if (code is not null)
                {
                    activity.SetTag("signpost.error.code", code);
                    activity.SetStatus(ActivityStatusCode.Error, code);
                }
            }

            if (code is not null && code != ErrorCodes.InternalServerError)
            {
                LogRefused(telemetry.Logger, operation, fields, code, elapsed.TotalMilliseconds, cost);
            }
            else if (elapsed > Slow)
            {
                LogSlow(telemetry.Logger, operation, fields, elapsed.TotalMilliseconds, cost);
            }
            else
            {
                LogAnswered(telemetry.Logger, operation, fields, elapsed.TotalMilliseconds, cost, code ?? "OK");
            }
        }

        public void Abandoned()
        {
            _finished = true;
            activity?.SetStatus(ActivityStatusCode.Error, "client went away");
            LogAbandoned(telemetry.Logger, Stopwatch.GetElapsedTime(_started).TotalMilliseconds);
        }

        public void Dispose()
        {
            if (!_finished)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            activity?.Dispose();
        }

        private static string RootFields(GraphQLOperationDefinition operation) =>
            string.Join(',', operation.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue).Distinct().Take(10));
    }


    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL {Operation} {Fields} answered in {ElapsedMs:0.0} ms, cost {Cost}, {Outcome}")]
    private static partial void LogAnswered(ILogger logger, string operation, string fields, double elapsedMs, double? cost, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphQL {Operation} {Fields} answered with {Code} after {ElapsedMs:0.0} ms, cost {Cost}")]
    private static partial void LogRefused(ILogger logger, string operation, string fields, string code, double elapsedMs, double? cost);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL {Operation} {Fields} was slow: {ElapsedMs:0.0} ms, cost {Cost}")]
    private static partial void LogSlow(ILogger logger, string operation, string fields, double elapsedMs, double? cost);

    [LoggerMessage(Level = LogLevel.Information, Message = "GraphQL request abandoned by the client after {ElapsedMs:0.0} ms")]
    private static partial void LogAbandoned(ILogger logger, double elapsedMs);
}
