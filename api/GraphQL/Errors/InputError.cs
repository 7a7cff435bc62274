using GraphQL;

namespace Signpost.GraphQL.Errors;

/// <summary>Bad input: names the argument or input field (<c>near.latitude</c>) and what is wrong with it.</summary>
public sealed class InputError : ExecutionError
{
    public InputError(string field, string problem) : base($"{field}: {problem}")
    {
        Field = field;
        Code = ErrorCodes.BadUserInput;
    }

    public string Field { get; }
}

/// <summary>Something asked for by a well-formed key that does not exist.</summary>
public sealed class NotFoundError : ExecutionError
{
    public NotFoundError(string field, string problem) : base($"{field}: {problem}")
    {
        Field = field;
        Code = ErrorCodes.NotFound;
    }

    public string Field { get; }
}
