using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Signpost.GraphQL.Errors;
using Signpost.GraphQL.Http;
using Signpost.GraphQL.Limits;
using Signpost.GraphQL.Loading;
using Signpost.GraphQL.Query;

namespace Signpost.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>The GraphQL schema, its executer, limits and per-request loaders.</summary>
    public static IHostApplicationBuilder AddDirectoryGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphQLOptions>()
            .Bind(builder.Configuration.GetSection(GraphQLOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.ReadBudgetPerMinute >= o.MaxComplexity, "GraphQL:ReadBudgetPerMinute must be at least GraphQL:MaxComplexity, or the costliest query allowed could never run.")
            .ValidateOnStart();

        builder.Services.AddGraphQL(graphql => graphql
            .AddSchema<DirectorySchema>()
            .AddGraphTypes(typeof(DirectorySchema).Assembly)
            // Responses are JSON, never HTML: readable UTF-8 rather than \uXXXX escapes is safe here.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<SignpostErrorInfoProvider>()
            // One DbContext per request: resolvers must not run in parallel.
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            // Size, depth and fragment expansion are checked by DocumentGate before validation;
            // cost is priced with each request's variables, cached documents included.
            .AddValidationRule<OnlyQueriesOverGetRule>(useForCachedDocuments: true)
            .AddValidationRule<QueryCostRule>(useForCachedDocuments: true)
            .ConfigureExecution<DocumentGate>()
            .AddUnhandledExceptionHandler(context =>
            {
                var logger = context.Context?.RequestServices?.GetService<ILogger<DirectorySchema>>();
                logger?.LogError(context.OriginalException, "Unhandled error resolving {Path}", context.FieldContext?.Path is { } path ? string.Join('.', path) : "(request)");
            }));

        builder.Services.AddSingleton<ReadBudget>();
        builder.Services.AddSingleton<GraphQLTelemetry>();
        builder.Services.AddSingleton<PersistedQueries>();
        builder.Services.AddSingleton<GraphQLHttpEndpoint>();
        builder.Services.AddScoped<DirectoryLoaders>();
        builder.Services.AddScoped<ServicesSearchField>();
        builder.Services.AddScoped<PostcodeResolver>();
        return builder;
    }

    /// <summary>Serves GraphQL (and GraphiQL for browsers) at <paramref name="pattern"/>.</summary>
    public static IEndpointRouteBuilder MapDirectoryGraphQL(this IEndpointRouteBuilder app, string pattern = "/graphql")
    {
        app.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, GraphQLHttpEndpoint endpoint) => endpoint.HandleAsync(http))
            .WithName("GraphQL");
        return app;
    }
}
