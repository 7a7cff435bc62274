using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.Moderation.Accounts;

/// <summary>
/// Identity's store on the directory's database. The directory's context reads without tracking by
/// default, but Identity changes a stored token (the authenticator key, the recovery codes) by
/// editing the entity it found and saving: without tracking a used recovery code would never be
/// used up. So tokens are found with tracking.
/// </summary>
public sealed class ModeratorAccountStore(DirectoryDbContext context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<ModeratorAccount, DirectoryDbContext, Guid>(context, describer)
{
    protected override Task<IdentityUserToken<Guid>?> FindTokenAsync(ModeratorAccount user, string loginProvider, string name, CancellationToken cancellationToken) =>
        Context.Set<IdentityUserToken<Guid>>().AsTracking()
            .SingleOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == loginProvider && t.Name == name, cancellationToken);
}
