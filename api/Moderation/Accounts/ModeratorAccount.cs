using Microsoft.AspNetCore.Identity;

namespace Signpost.Moderation.Accounts;

/// <summary>
/// A person who moderates in the console, signed in with ASP.NET Core Identity (password hashed by
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

    /// <summary>What the audit trail records for this person's actions.</summary>
    public Actor Actor() => new(DisplayName, Role);
}
