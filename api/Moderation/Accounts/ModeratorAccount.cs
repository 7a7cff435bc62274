using Microsoft.AspNetCore.Identity;

namespace Signpost.Moderation.Accounts;

/// <summary>
/// A person who signs in to the console: a moderator or admin, or a provider who looks after one
/// organisation's listings (granted by approving their claim). A person who moderates in the console, signed in with ASP.NET Core Identity (password hashed by
/// Identity, lockout after repeated failures). API keys stay for machines; both act as an
/// <see cref="Actor"/> with a role, and the audit trail names the person.
/// </summary>
public sealed class ModeratorAccount : IdentityUser<Guid>
{
    /// <summary>The name the audit trail shows, e.g. "Maya Patel".</summary>
    public required string DisplayName { get; set; }

    public ApiKeyRole Role { get; set; } = ApiKeyRole.Moderator;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an admin turns the account off: it can no longer sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>For a provider: the organisation whose listings they look after.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>What the audit trail records for this person's actions; a provider is named as one.</summary>
    public Actor Actor() => new(AuditName(DisplayName, Role), Role, OrganizationId);

    public static string AuditName(string displayName, ApiKeyRole role) =>
        role == ApiKeyRole.Provider ? $"{displayName} (provider)" : displayName;
}
