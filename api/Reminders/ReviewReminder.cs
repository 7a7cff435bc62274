namespace Signpost.Reminders;

/// <summary>
/// One review reminder for one listing: which threshold (months unverified), for which
/// verification (the listing's last-verified date when it was due, so a listing verified again
/// starts over), to whom, and what became of it. The row is written before the email is sent:
/// its unique key is how two senders agree that only one of them sends it.
/// </summary>
public sealed class ReviewReminder
{
    public long Id { get; set; }

    public Guid ServiceId { get; set; }

    /// <summary>The listing's last-verified date this reminder is about; <see cref="NeverVerified"/> for never.</summary>
    public DateOnly VerifiedOn { get; set; }

    /// <summary>Months since <see cref="VerifiedOn"/> that made it due: one of the configured thresholds.</summary>
    public int ThresholdMonths { get; set; }

    /// <summary>The last threshold: past it the listing is flagged for moderators.</summary>
    public bool Final { get; set; }

    /// <summary>Who it went to; null when the listing had nobody to send it to.</summary>
    public string? Recipient { get; set; }

    public ReminderState State { get; set; }

    /// <summary>When a sender claimed it (and, for <see cref="ReminderState.NoRecipient"/>, found nobody to send to).</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>When its "still correct" link was used: each link works once.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>Stands for "never verified" in <see cref="VerifiedOn"/>: part of a unique key, so it cannot be null.</summary>
    public static readonly DateOnly NeverVerified = DateOnly.MinValue;
}

public enum ReminderState
{
    /// <summary>A sender has taken it and is sending it.</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>The listing has no email address (or provider contact): reported, nothing sent.</summary>
    NoRecipient = 3,
}
