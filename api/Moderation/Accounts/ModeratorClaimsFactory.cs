using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Signpost.Moderation.Accounts;

/// <summary>A signed-in person's cookie carries their role, the name the audit trail shows, and a provider's organisation.</summary>
public sealed class ModeratorClaimsFactory(UserManager<ModeratorAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ModeratorAccount>(users, options)
{
    public const string DisplayNameClaim = "signpost:display-name";

    /// <summary>A provider's organisation: what they may change.</summary>
    public const string OrganizationClaim = "signpost:organization";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ModeratorAccount account)
    {
        var identity = await base.GenerateClaimsAsync(account);
        identity.AddClaim(new Claim(ClaimTypes.Role, account.Role.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, account.DisplayName));
        if (account.OrganizationId is { } organizationId)
        {
            identity.AddClaim(new Claim(OrganizationClaim, organizationId.ToString()));
        }

        return identity;
    }
}
