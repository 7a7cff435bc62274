namespace Signpost.Moderation;

/// <summary>
/// One change to a listing, in the spirit of HSDS <c>metadata</c>: who (the key's name), when,
/// what was done, and each field's old and new value. Entries are only ever added.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public Guid ServiceId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The name of the key that made the change.</summary>
    public required string Actor { get; set; }

    /// <summary>What was done: "created", "updated", "verified", "temporarily closed", "archived", "restored".</summary>
    public required string Action { get; set; }

    /// <summary>The submission this change came from, if any.</summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>The listing's version after the change.</summary>
    public int Version { get; set; }

    public List<FieldChange> Changes { get; set; } = [];
}

/// <summary>One field's value before and after a change (null: not set).</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
