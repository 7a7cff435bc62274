namespace Signpost.GraphQL.Errors;

/// <summary>The stable <c>extensions.code</c> values clients can rely on.</summary>
public static class ErrorCodes
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string Conflict = "CONFLICT";
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string Timeout = "TIMEOUT";
}
