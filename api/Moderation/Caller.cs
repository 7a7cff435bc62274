using Signpost.GraphQL.Errors;

namespace Signpost.Moderation;

/// <summary>
/// Who is calling. Over HTTP, from the request's <c>Authorization: Bearer &lt;key&gt;</c> header:
/// public reads and submissions need no key; moderation asks <see cref="RequireAsync"/>. A trusted
/// server-side flow that has proved its right another way (a signed reminder link, a command run
/// on the server) says who it acts as with <see cref="ActAs"/>, for the rest of its scope.
/// </summary>
public sealed class Caller(IHttpContextAccessor http, ApiKeyStore keys)
{
    private Actor? _actor;
    private bool _checked;

    /// <summary>The actor, who must have <paramref name="role"/> or a higher one.</summary>
    public async Task<Actor> RequireAsync(ApiKeyRole role, CancellationToken cancellationToken)
    {
        var actor = await ActorAsync(cancellationToken)
            ?? throw AccessError.Unauthenticated($"This needs an API key with the {Name(role)} role, sent as 'Authorization: Bearer <key>'.");
        if (actor.Role < role)
        {
            throw AccessError.Forbidden($"The key '{actor.Name}' has the {Name(actor.Role)} role; this needs {Name(role)}.");
        }

        return actor;
    }

    /// <summary>
    /// For server-side code only, never from request input: what follows in this scope is done by
    /// <paramref name="actor"/>, whatever the request's headers say.
    /// </summary>
    public void ActAs(Actor actor)
    {
        _actor = actor;
        _checked = true;
    }

    private async Task<Actor?> ActorAsync(CancellationToken cancellationToken)
    {
        if (_checked)
        {
            return _actor;
        }

        var header = http.HttpContext?.Request.Headers.Authorization.ToString() ?? "";
        if (header.Length > 0)
        {
            var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
            var key = secret.StartsWith(ApiKeySecrets.KeyPrefix, StringComparison.Ordinal) && secret.Length < 100
                ? await keys.FindAsync(secret, cancellationToken)
                : null;
            _actor = key is null
                ? throw AccessError.Unauthenticated("The API key is not valid, or has been revoked.")
                : Actor.Of(key);
        }

        _checked = true;
        return _actor;
    }

    public static string Name(ApiKeyRole role) => role.ToString().ToLowerInvariant();
}
