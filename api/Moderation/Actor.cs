namespace Signpost.Moderation;

/// <summary>
/// Who does something to the directory, as the audit trail names them: a machine's API key today,
/// a moderator signed in as a person later, or a trusted server-side flow such as a provider's
/// reminder link. Moderation asks only for an actor with a role, not for how it was proved.
/// </summary>
public sealed record Actor(string Name, ApiKeyRole Role, Guid? OrganizationId = null)
{
    /// <summary>Whether this actor may change a listing of <paramref name="organizationId"/>: moderators any, a provider only its own.</summary>
    public bool MayChange(Guid organizationId) =>
        Role >= ApiKeyRole.Moderator || (Role == ApiKeyRole.Provider && OrganizationId == organizationId);

    public static Actor Of(ApiKey key) => new(key.Name, key.Role);
}
