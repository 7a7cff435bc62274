using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Signpost.Moderation.Accounts;

/// <summary>A signed-in person's cookie carries their role and the name the audit trail shows.</summary>
public sealed class ModeratorClaimsFactory(UserManager<ModeratorAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ModeratorAccount>(users, options)
{
    public const string DisplayNameClaim = "signpost:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ModeratorAccount account)
    {
        var identity = await base.GenerateClaimsAsync(account);
        identity.AddClaim(new Claim(ClaimTypes.Role, account.Role.ToString()));
        identity.AddClaim(new Claim(DisplayNameClaim, account.DisplayName));
        return identity;
    }
}
