using GraphQL;

namespace Signpost.GraphQL.Errors;

/// <summary>
/// A request refused before it ran because of its size or shape (QUERY_TOO_COMPLEX,
/// GRAPHQL_PARSE_FAILED) or stopped for taking too long (TIMEOUT). Nothing was changed.
/// </summary>
public sealed class RequestLimitError : ExecutionError
{
    public RequestLimitError(string code, string message) : base(message) => Code = code;
}
