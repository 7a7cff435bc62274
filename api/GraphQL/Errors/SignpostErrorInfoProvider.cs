using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Signpost.GraphQL.Limits;

namespace Signpost.GraphQL.Errors;

/// <summary>
/// Shapes every error as <c>{ message, locations, path, extensions: { code, field? } }</c>.
/// Unexpected failures become INTERNAL_SERVER_ERROR with a generic message: no exception
/// type, stack trace or SQL ever reaches a client.
/// </summary>
internal sealed partial class SignpostErrorInfoProvider : IErrorInfoProvider
{
    public const string InternalMessage = "Something went wrong on our side. Please try again later.";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var (code, message) = executionError switch
        {
            InputError or NotFoundError or AccessError or ConflictError or RateLimitedError or RequestLimitError
                or QueryTooComplexError or ReadBudgetExceededError => (executionError.Code!, executionError.Message),
            SyntaxError => (ErrorCodes.ParseFailed, executionError.Message),
            InvalidVariableError => (ErrorCodes.BadUserInput, executionError.Message),
            ValidationError => (ErrorCodes.ValidationFailed, executionError.Message),
            // Other request problems graphql-dotnet reports: no operation, unknown operation name.
            DocumentError => (ErrorCodes.BadUserInput, executionError.Message),
            _ when executionError.Code is ErrorCodes.PersistedQueryNotFound or ErrorCodes.BadUserInput or ErrorCodes.Unauthenticated => (executionError.Code, executionError.Message),
            _ => (ErrorCodes.InternalServerError, InternalMessage),
        };

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        var field = executionError switch
        {
            InputError input => input.Field,
            NotFoundError notFound => notFound.Field,
            // "Variable '$near.latitude' is invalid. …": the variable's path, as the client sent it.
            InvalidVariableError => VariablePath().Match(executionError.Message) is { Success: true } match ? "$" + match.Groups[1].Value : null,
            _ => null,
        };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    [GeneratedRegex(@"^Variable '\$([^']{1,200})' is invalid\.")]
    private static partial Regex VariablePath();
}
