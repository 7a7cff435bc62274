using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Signpost.Data;
using Signpost.Email;

namespace Signpost.Reminders;

/// <summary>
/// One run: every due reminder is claimed, then sent, then recorded as sent. Claiming is inserting
/// the reminder's row, whose unique key (listing, verification, threshold) lets only one sender
/// have it: a second sender, on this instance or another, fails to insert it and moves on. A
/// reminder whose sending fails is released (its row deleted), so the next run tries again.
/// </summary>
public sealed class ReminderSender(
    DirectoryDbContext db,
    DueListings due,
    IReminderRecipients recipients,
    ReminderLinks links,
    EmailSender email,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderSender> logger)
{
    /// <summary>A claim older than this was left by a sender that stopped mid-way (MailKit gives up on a server long before).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public async Task<ReminderReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var report = new ReminderReport();
        if (!dryRun)
        {
            await ReleaseAbandonedClaimsAsync(cancellationToken);
        }

        await foreach (var listing in due.FindAsync(cancellationToken))
        {
            var recipient = await recipients.RecipientAsync(listing, cancellationToken);
            if (recipient is not null && !MailboxAddress.TryParse(recipient, out _))
            {
                logger.LogWarning("Listing {ServiceId} has an email address that cannot be used: {Address}.", listing.ServiceId, recipient);
                recipient = null;
            }

            if (dryRun)
            {
                (recipient is null ? report.NoRecipient : report.Sent).Add(new ReminderOutcome(listing, recipient));
                continue;
            }

            var reminder = await ClaimAsync(listing, recipient, cancellationToken);
            if (reminder is null)
            {
                report.TakenByAnotherSender++;
                continue;
            }

            if (recipient is null)
            {
                logger.LogWarning("Listing {ServiceId} ({Name}) is due its {Months}-month review reminder but has no email address.", listing.ServiceId, listing.Name, listing.ThresholdMonths);
                report.NoRecipient.Add(new ReminderOutcome(listing, null));
                continue;
            }

            if (await SendAsync(reminder, listing, recipient, cancellationToken))
            {
                report.Sent.Add(new ReminderOutcome(listing, recipient));
            }
            else
            {
                report.Failed.Add(new ReminderOutcome(listing, recipient));
            }
        }

        return report;
    }

    /// <summary>A sender that stopped between claiming and sending (a crash, a deploy) leaves its claim: it is sent on this run instead.</summary>
    private async Task ReleaseAbandonedClaimsAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - AbandonedAfter;
        var sending = await db.ReviewReminders.Where(r => r.State == ReminderState.Sending).Select(r => new { r.Id, r.ClaimedAt }).ToListAsync(cancellationToken);
        var abandoned = sending.Where(r => r.ClaimedAt < cutoff).Select(r => r.Id).ToList();
        if (abandoned.Count > 0)
        {
            await db.ReviewReminders.Where(r => abandoned.Contains(r.Id) && r.State == ReminderState.Sending).ExecuteDeleteAsync(cancellationToken);
            logger.LogWarning("Released {Count} review reminders a sender claimed over {Hours} hour ago and never sent; they go on this run.", abandoned.Count, AbandonedAfter.TotalHours);
        }
    }

    private async Task<ReviewReminder?> ClaimAsync(DueListing listing, string? recipient, CancellationToken cancellationToken)
    {
        var reminder = new ReviewReminder
        {
            ServiceId = listing.ServiceId,
            VerifiedOn = listing.VerifiedOn,
            ThresholdMonths = listing.ThresholdMonths,
            Final = listing.Final,
            Recipient = recipient,
            State = recipient is null ? ReminderState.NoRecipient : ReminderState.Sending,
            ClaimedAt = time.GetUtcNow(),
        };
        db.ReviewReminders.Add(reminder);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return reminder;
        }
        catch (DbUpdateException)
        {
            // The unique key refused it if another sender inserted it first; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (await db.ReviewReminders.AnyAsync(r => r.ServiceId == listing.ServiceId && r.VerifiedOn == listing.VerifiedOn && r.ThresholdMonths == listing.ThresholdMonths, cancellationToken))
            {
                return null;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> SendAsync(ReviewReminder reminder, DueListing listing, string recipient, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var message = ReminderEmail.Build(listing, recipient, settings.SiteName, links.StillCorrect(reminder), links.SomethingChanged(reminder), settings.LinkLifetime);
            await email.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not send the review reminder for listing {ServiceId} to {Recipient}; the next run tries again.", listing.ServiceId, recipient);
            await db.ReviewReminders.Where(r => r.Id == reminder.Id).ExecuteDeleteAsync(CancellationToken.None);
            return false;
        }

        var sentAt = time.GetUtcNow();
        await db.ReviewReminders.Where(r => r.Id == reminder.Id)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, ReminderState.Sent).SetProperty(x => x.SentAt, sentAt), CancellationToken.None);
        logger.LogInformation("Sent the {Months}-month review reminder for listing {ServiceId} to {Recipient}.", listing.ThresholdMonths, listing.ServiceId, recipient);
        return true;
    }
}

/// <summary>What a run did, or in a dry run would do.</summary>
public sealed class ReminderReport
{
    public List<ReminderOutcome> Sent { get; } = [];

    /// <summary>Due, but the listing has nobody to send it to: moderators should find an address.</summary>
    public List<ReminderOutcome> NoRecipient { get; } = [];

    public List<ReminderOutcome> Failed { get; } = [];

    /// <summary>Due reminders another sender claimed first.</summary>
    public int TakenByAnotherSender { get; set; }
}

public sealed record ReminderOutcome(DueListing Listing, string? Recipient);
