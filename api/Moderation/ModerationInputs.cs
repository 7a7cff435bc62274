namespace Signpost.Moderation;

public sealed class ApproveSubmissionInput
{
    public string Id { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

public sealed class RejectSubmissionInput
{
    public string Id { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class ServiceModerationInput
{
    public string ServiceId { get; set; } = "";
    public int? ExpectedVersion { get; set; }
}

/// <summary>Which change of a listing to undo: the version its history gives it.</summary>
public sealed class RevertChangeInput
{
    public string ServiceId { get; set; } = "";
    public int Version { get; set; }
    public int? ExpectedVersion { get; set; }
}

public sealed record SubmissionDecision(Submissions.Submission Submission, Service? Service);
