namespace Signpost.Reminders;

/// <summary>
/// Who a listing's reminder goes to. Today the service's own email address; when providers can
/// claim their listings, the claimed provider's contact comes first (register another
/// implementation), and this stays the fallback.
/// </summary>
public interface IReminderRecipients
{
    Task<string?> RecipientAsync(DueListing listing, CancellationToken cancellationToken);
}

public sealed class ServiceEmailRecipients : IReminderRecipients
{
    public Task<string?> RecipientAsync(DueListing listing, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(listing.Email) ? null : listing.Email.Trim());
}
