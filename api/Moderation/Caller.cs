using Signpost.GraphQL.Errors;

namespace Signpost.Moderation;

/// <summary>
/// Who is calling, from the request's <c>Authorization: Bearer &lt;key&gt;</c> header. Public
/// reads and submissions need no key; moderation asks <see cref="RequireAsync"/>.
/// </summary>
public sealed class Caller(IHttpContextAccessor http, ApiKeyStore keys)
{
    private ApiKey? _key;
    private bool _checked;

    /// <summary>The caller's key, which must have <paramref name="role"/> or a higher one.</summary>
    public async Task<ApiKey> RequireAsync(ApiKeyRole role, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken)
            ?? throw AccessError.Unauthenticated($"This needs an API key with the {Name(role)} role, sent as 'Authorization: Bearer <key>'.");
        if (key.Role < role)
        {
            throw AccessError.Forbidden($"The key '{key.Name}' has the {Name(key.Role)} role; this needs {Name(role)}.");
        }

        return key;
    }

    private async Task<ApiKey?> KeyAsync(CancellationToken cancellationToken)
    {
        if (_checked)
        {
            return _key;
        }

        var header = http.HttpContext?.Request.Headers.Authorization.ToString() ?? "";
        if (header.Length > 0)
        {
            var secret = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
            _key = secret.StartsWith(ApiKeySecrets.KeyPrefix, StringComparison.Ordinal) && secret.Length < 100
                ? await keys.FindAsync(secret, cancellationToken)
                : null;
            if (_key is null)
            {
                throw AccessError.Unauthenticated("The API key is not valid, or has been revoked.");
            }
        }

        _checked = true;
        return _key;
    }

    public static string Name(ApiKeyRole role) => role.ToString().ToLowerInvariant();
}
