using GraphQL;

namespace Signpost.GraphQL.Errors;

/// <summary>UNAUTHENTICATED (no valid key) or FORBIDDEN (a key without the role). Nothing was changed.</summary>
public sealed class AccessError : ExecutionError
{
    private AccessError(string code, string message) : base(message) => Code = code;

    public static AccessError Unauthenticated(string message) => new(ErrorCodes.Unauthenticated, message);

    public static AccessError Forbidden(string message) => new(ErrorCodes.Forbidden, message);
}

/// <summary>The listing or submission changed since the caller looked at it; nothing was changed.</summary>
public sealed class ConflictError : ExecutionError
{
    public ConflictError(string message) : base(message) => Code = ErrorCodes.Conflict;
}

/// <summary>Too many submissions from one client for now.</summary>
public sealed class RateLimitedError : ExecutionError
{
    public RateLimitedError(string message) : base(message) => Code = ErrorCodes.RateLimited;
}
