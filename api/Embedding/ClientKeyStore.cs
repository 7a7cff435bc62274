using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Signpost.Data;

namespace Signpost.Embedding;

/// <summary>Registers, lists, revokes and finds client keys; a found key is remembered for a minute, so a revoked one stops within a minute.</summary>
public sealed class ClientKeyStore(DirectoryDbContext db, IMemoryCache cache, TimeProvider time)
{
    public const string Prefix = "spc_";

    /// <summary>The most a key may raise its site's budget to: ten times an address's default.</summary>
    public const int MaxBudgetMultiple = 10;

    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    public async Task<ClientKey> CreateAsync(string name, IReadOnlyList<string> origins, int readBudgetPerMinute, int defaultBudget, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            throw new ArgumentException("--name: give the site's name, 1 to 100 characters, e.g. --name \"Sidmouth Surgery\"");
        }

        if (await db.Set<ClientKey>().AnyAsync(k => k.Name == name, cancellationToken))
        {
            throw new ArgumentException($"--name: a client key named '{name}' already exists");
        }

        var checkedOrigins = origins.Select(Origin).Distinct(StringComparer.Ordinal).ToList();
        if (readBudgetPerMinute < 1 || readBudgetPerMinute > defaultBudget * (long)MaxBudgetMultiple)
        {
            throw new ArgumentException($"--budget: give a query cost per minute from 1 to {defaultBudget * (long)MaxBudgetMultiple:N0} (ten times the default of {defaultBudget:N0})");
        }

        var key = new ClientKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            Key = NewKey(),
            Origins = checkedOrigins,
            ReadBudgetPerMinute = readBudgetPerMinute,
            CreatedAt = time.GetUtcNow(),
        };
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task<IReadOnlyList<ClientKey>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Set<ClientKey>().ToListAsync(cancellationToken)).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();

    public async Task<bool> RevokeAsync(string name, CancellationToken cancellationToken)
    {
        var key = await db.Set<ClientKey>().AsTracking().FirstOrDefaultAsync(k => k.Name == name, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The live key sent, or null. A key found is remembered for a minute; a wrong one is not (any number could be made up), and costs one indexed read.</summary>
    public async Task<ClientKey?> FindAsync(string sent, CancellationToken cancellationToken)
    {
        if (!sent.StartsWith(Prefix, StringComparison.Ordinal) || sent.Length != Prefix.Length + 24)
        {
            return null;
        }

        if (cache.TryGetValue(("client-key", sent), out ClientKey? remembered))
        {
            return remembered;
        }

        var key = await db.Set<ClientKey>().FirstOrDefaultAsync(k => k.Key == sent && k.RevokedAt == null, cancellationToken);
        if (key is not null)
        {
            cache.Set(("client-key", sent), key, Remembered);
        }

        return key;
    }

    /// <summary>"https://example.org" from what was given, or an error naming the problem.</summary>
    public static string Origin(string given)
    {
        if (!Uri.TryCreate(given.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"--origin: '{given}' is not an origin such as https://sidmouthsurgery.example (scheme and host, no path)");
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    // 18 random bytes are 24 characters of base64url: the same generator as API keys and status tokens.
    private static string NewKey() => Prefix + Signpost.Moderation.ApiKeySecrets.NewToken(18);
}
