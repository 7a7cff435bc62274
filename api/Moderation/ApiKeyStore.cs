using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.Moderation;

/// <summary>Creates, lists, revokes and checks API keys.</summary>
public sealed class ApiKeyStore(DirectoryDbContext db, TimeProvider time)
{
    /// <summary>Creates a key and returns it with its secret, which is shown this once and never stored.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, ApiKeyRole role, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 64 || name.Any(char.IsControl))
        {
            throw new ArgumentException("--name: give a name of 1 to 64 characters, e.g. --name alice");
        }

        if (await db.ApiKeys.AnyAsync(k => k.Name == name, cancellationToken))
        {
            throw new ArgumentException($"--name: a key named '{name}' already exists");
        }

        var secret = ApiKeySecrets.NewKey();
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Role = role,
            Prefix = secret[..7],
            SecretHash = ApiKeySecrets.Hash(secret),
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        (await db.ApiKeys.ToListAsync(cancellationToken)).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();

    /// <summary>Revokes the named key; false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.AsTracking().FirstOrDefaultAsync(k => k.Name == name, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The live key with this secret, or null.</summary>
    public async Task<ApiKey?> FindAsync(string secret, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(secret);
        return await db.ApiKeys.FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAt == null, cancellationToken);
    }
}
