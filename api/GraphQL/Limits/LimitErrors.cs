using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Signpost.GraphQL.Errors;

namespace Signpost.GraphQL.Limits;

/// <summary>The request asks for more work than one request may: QUERY_TOO_COMPLEX, nothing ran.</summary>
internal sealed class QueryTooComplexError : ValidationError
{
    public QueryTooComplexError(ROM source, ASTNode? node, string message)
        : base(source, null, message, node is null ? [] : [node]) => Code = ErrorCodes.QueryTooComplex;
}

/// <summary>The client has spent its read budget for now: RATE_LIMITED (HTTP 429 with Retry-After), nothing ran.</summary>
internal sealed class ReadBudgetExceededError : ValidationError
{
    public ReadBudgetExceededError(ROM source, ASTNode? node, TimeSpan retryAfter, int perMinute)
        : base(source, null, $"Too many requests from this address: its budget is {perMinute:N0} query cost a minute. Please try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.", node is null ? [] : [node])
    {
        Code = ErrorCodes.RateLimited;
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }
}
