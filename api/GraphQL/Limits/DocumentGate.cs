using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Signpost.GraphQL.Errors;

namespace Signpost.GraphQL.Limits;

/// <summary>
/// The first step of every execution: parses the query (with a nesting limit), measures what its
/// fragments expand to without expanding them, and refuses a document that is too big before any
/// validation rule or executor walks it. Documents that validated are remembered by their text in
/// a cache bounded in bytes (least recently used evicted), so a repeated query skips parsing and
/// the full validation; the rules that depend on the request (cost with its variables, GET-only
/// queries) run again every time.
/// </summary>
internal sealed class DocumentGate : IConfigureExecution, IDisposable
{
    /// <summary>Nesting of the document's syntax tree the parser accepts (fields, arguments, values, fragments).</summary>
    public const int MaxParserDepth = 128;

    /// <summary>Longest chain of fragments spreading fragments.</summary>
    public const int MaxFragmentNesting = 32;

    private readonly GraphQLOptions _limits;
    private readonly MemoryCache _documents;

    public DocumentGate(IOptions<GraphQLOptions> options)
    {
        _limits = options.Value;
        _documents = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _limits.DocumentCacheBytes), TrackStatistics = true });
    }

    /// <summary>After the built-in configuration has set the validation rules.</summary>
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out GraphQLDocument? cached))
        {
            options.Document = cached;
            options.ValidationRules = options.CachedDocumentValidationRules ?? Array.Empty<IValidationRule>();
            return await next(options);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = MaxParserDepth });
        }
        catch (GraphQLSyntaxErrorException e)
        {
            return Refused(new SyntaxError(e));
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refused(new RequestLimitError(ErrorCodes.ParseFailed, $"The query is nested too deeply to read: at most {MaxParserDepth} levels of fields, arguments and values."));
        }

        var parsedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (Check(DocumentShape.Measure(document)) is { } tooBig)
        {
            return Refused(tooBig);
        }

        options.Document = document;
        var result = await next(options);

        // Executed means it parsed and validated; failed documents are never remembered.
        if (result.Executed && query.Length <= _limits.MaxCacheableQueryLength)
        {
            _documents.Set(query, document, new MemoryCacheEntryOptions { Size = parsedBytes + 2L * query.Length });
        }

        return result;
    }

    private RequestLimitError? Check(DocumentShape shape)
    {
        if (shape.FragmentNesting > MaxFragmentNesting)
        {
            return TooComplex($"The query's fragments spread other fragments {shape.FragmentNesting} deep; at most {MaxFragmentNesting} is allowed.");
        }

        if (shape.Fields > _limits.MaxFields)
        {
            return TooComplex(shape.Fields >= int.MaxValue
                ? $"The query selects more fields than can be counted once its fragments are expanded; at most {_limits.MaxFields:N0} is allowed."
                : $"The query selects {shape.Fields:N0} fields once its fragments are expanded; at most {_limits.MaxFields:N0} is allowed.");
        }

        if (shape.RootFields > _limits.MaxRootFields)
        {
            return TooComplex($"The query asks for {shape.RootFields:N0} top-level fields (aliases included); at most {_limits.MaxRootFields} is allowed in one request.");
        }

        return shape.Depth > _limits.MaxDepth
            ? TooComplex($"The query is nested {shape.Depth} fields deep; at most {_limits.MaxDepth} is allowed.")
            : null;
    }

    private static RequestLimitError TooComplex(string message) => new(ErrorCodes.QueryTooComplex, message);

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error] };

    /// <summary>How many documents are remembered and their estimated bytes.</summary>
    public MemoryCacheStatistics Statistics => _documents.GetCurrentStatistics()!;

    public void Dispose() => _documents.Dispose();
}
