namespace Signpost.Submissions;

/// <summary>
/// Something the public sent in: a new listing, a suggested change, a problem report or a claim. It waits
/// in the moderation queue and changes nothing public until a moderator approves it.
/// </summary>
public sealed class Submission
{
    public Guid Id { get; set; }

    /// <summary>What the submitter quotes: "SP-7K3M-9QXD".</summary>
    public required string Reference { get; set; }

    public SubmissionKind Kind { get; set; }

    public SubmissionStatus Status { get; set; } = SubmissionStatus.Pending;

    /// <summary>The listing suggested to or reported on; for a new listing, the service created on approval.</summary>
    public Guid? ServiceId { get; set; }

    /// <summary>The listing's version the suggester saw.</summary>
    public int? BaseVersion { get; set; }

    /// <summary>A report's topic.</summary>
    public ProblemTopic? Topic { get; set; }

    /// <summary>
    /// What was sent, as JSON: the new listing (data-seed's HSDS shape), the field-level change set,
    /// or the report's message. Stored verbatim.
    /// </summary>
    public required string Payload { get; set; }

    /// <summary>Private: never in public queries or on the site.</summary>
    public string? SubmitterName { get; set; }

    /// <summary>Private: never in public queries or on the site.</summary>
    public string? SubmitterEmail { get; set; }

    /// <summary>SHA-256 of the status token given to the submitter.</summary>
    public required string StatusTokenHash { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The name of the key that approved or rejected it.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>Why it was rejected.</summary>
    public string? Reason { get; set; }
}

public enum SubmissionKind
{
    NewListing = 1,
    ChangeSuggestion = 2,
    ProblemReport = 3,

    /// <summary>Someone asks to look after their organisation's listings; approving gives them a provider account.</summary>
    Claim = 4,
}

public enum SubmissionStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>The fixed topics of a problem report.</summary>
public enum ProblemTopic
{
    OutOfDate = 1,
    Closed = 2,
    WrongContactDetails = 3,
    SomethingElse = 4,
}
