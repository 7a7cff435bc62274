namespace Signpost.Moderation;

/// <summary>
/// A key that lets a person or system moderate. Only a SHA-256 hash of the secret is stored (the
/// secret is 32 random bytes, so a fast hash is safe); the prefix identifies it in lists and logs.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    /// <summary>Who holds it, e.g. "alice" or "county-council-sync"; shown in the audit trail.</summary>
    public required string Name { get; set; }

    public ApiKeyRole Role { get; set; }

    /// <summary>The first characters of the key, safe to show: "sp_3kQ9".</summary>
    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>What a key may do; each role may do everything the ones before it may.</summary>
public enum ApiKeyRole
{
    /// <summary>
    /// A person who looks after their own organisation's listings (a claimed listing), signed in to
    /// the console; never an API key. Below every other role: it may change only what it owns.
    /// </summary>
    Provider = 0,

    /// <summary>Reserved for care navigators' richer read access.</summary>
    Navigator = 1,

    /// <summary>Works the moderation queue and looks after listings.</summary>
    Moderator = 2,

    /// <summary>Everything a moderator does.</summary>
    Admin = 3,
}
