namespace Signpost.Submissions;

/// <summary>What a submitter gets back: the reference to quote and the private token to check progress with.</summary>
public sealed record SubmissionReceipt(string Reference, string StatusToken, SubmissionStatus Status);
