using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Signpost.GraphQL.Http;

/// <summary>
/// Remembers parsed and validated documents by their query text, so a repeated query (the
/// site's, a widget's, a navigator tool's) skips parsing and the full validation. Only the rules
/// that depend on the request itself (GET-only-queries, complexity) run again on a cached
/// document. Bounded: when full, it stops adding rather than evicting.
/// </summary>
internal sealed class ParsedDocumentCache(Microsoft.Extensions.Options.IOptions<GraphQLOptions> options) : IConfigureExecution
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly int _capacity = options.Value.DocumentCacheSize;

    /// <summary>After the built-in configuration has set the validation rules.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out var cached))
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? Array.Empty<IValidationRule>();
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document && _documents.Count < _capacity)
        {
            _documents.TryAdd(query, document);
        }

        return result;
    }
}
