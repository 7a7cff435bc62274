using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Signpost.GraphQL.Errors;

/// <summary>
/// Shapes every error as <c>{ message, locations, path, extensions: { code, field? } }</c>.
/// Unexpected failures become INTERNAL_SERVER_ERROR with a generic message: no exception
/// type, stack trace or SQL ever reaches a client.
/// </summary>
internal sealed class SignpostErrorInfoProvider : IErrorInfoProvider
{
    public const string InternalMessage = "Something went wrong on our side. Please try again later.";

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var (code, message) = executionError switch
        {
            InputError or NotFoundError or AccessError or ConflictError or RateLimitedError => (executionError.Code!, executionError.Message),
            SyntaxError => (ErrorCodes.ParseFailed, executionError.Message),
            InvalidVariableError => (ErrorCodes.BadUserInput, executionError.Message),
            ValidationError => (ErrorCodes.ValidationFailed, executionError.Message),
            // Other request problems graphql-dotnet reports: no operation, unknown operation name.
            DocumentError => (ErrorCodes.BadUserInput, executionError.Message),
            _ when executionError.Code is ErrorCodes.PersistedQueryNotFound or ErrorCodes.BadUserInput => (executionError.Code, executionError.Message),
            _ => (ErrorCodes.InternalServerError, InternalMessage),
        };

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (executionError is InputError input)
        {
            extensions["field"] = input.Field;
        }
        else if (executionError is NotFoundError notFound)
        {
            extensions["field"] = notFound.Field;
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }
}
