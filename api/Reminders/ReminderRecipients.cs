using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Moderation;

namespace Signpost.Reminders;

/// <summary>Who a listing's reminder goes to.</summary>
public interface IReminderRecipients
{
    Task<string?> RecipientAsync(DueListing listing, CancellationToken cancellationToken);
}

/// <summary>
/// The provider who claimed the listing's organisation (the first to, if several; a disabled account
/// never), or else the service's own email address.
/// </summary>
public sealed class ProviderOrServiceEmailRecipients(DirectoryDbContext db) : IReminderRecipients
{
    public async Task<string?> RecipientAsync(DueListing listing, CancellationToken cancellationToken)
    {
        // A few accounts at most; ordered here because SQLite cannot order by DateTimeOffset.
        var providers = await db.Set<Signpost.Moderation.Accounts.ModeratorAccount>()
            .Where(a => a.Role == ApiKeyRole.Provider && a.DisabledAt == null
                && db.Services.Any(s => s.Id == listing.ServiceId && s.OrganizationId == a.OrganizationId))
            .Select(a => new { a.Email, a.CreatedAt, a.Id }).ToListAsync(cancellationToken);
        var provider = providers.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Email).FirstOrDefault();
        return provider ?? (string.IsNullOrWhiteSpace(listing.Email) ? null : listing.Email.Trim());
    }
}
