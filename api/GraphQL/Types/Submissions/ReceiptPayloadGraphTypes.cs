using GraphQL.Types;
using Signpost.Submissions;

namespace Signpost.GraphQL.Types.Submissions;

/// <summary>What every public submission returns: the reference and the private status token.</summary>
public abstract class ReceiptPayloadGraphType : ObjectGraphType<SubmissionReceipt>
{
    protected ReceiptPayloadGraphType(string name, string what)
    {
        Name = name;
        Description = $"The receipt for {what}. It waits for a moderator; nothing public changes until it is approved.";
        Field(r => r.Reference).Description("The reference to quote, e.g. \"SP-7K3M-9QXD\".");
        Field(r => r.StatusToken).Description("A private token: with the reference, `submissionStatus` tells how it is going. Shown only now.");
        Field(r => r.Status, type: typeof(NonNullGraphType<SubmissionStatusGraphType>)).Description("PENDING.");
    }
}

public sealed class SubmitListingPayloadGraphType() : ReceiptPayloadGraphType("SubmitListingPayload", "a new listing");

public sealed class SuggestChangePayloadGraphType() : ReceiptPayloadGraphType("SuggestChangePayload", "a suggested change");

public sealed class ReportProblemPayloadGraphType() : ReceiptPayloadGraphType("ReportProblemPayload", "a problem report");

public sealed class ClaimListingPayloadGraphType() : ReceiptPayloadGraphType("ClaimListingPayload", "a claim");

public sealed class SubmissionProgressGraphType : ObjectGraphType<Submission>
{
    public SubmissionProgressGraphType()
    {
        Name = "SubmissionProgress";
        Description = "How a submission is going, for the person who sent it.";
        Field(s => s.Reference).Description("The submission's reference.");
        Field(s => s.Kind, type: typeof(NonNullGraphType<SubmissionKindGraphType>)).Description("What was submitted.");
        Field(s => s.Status, type: typeof(NonNullGraphType<SubmissionStatusGraphType>)).Description("Pending, approved or rejected.");
        Field<NonNullGraphType<DateTimeScalar>>("submittedAt").Description("When it was sent (UTC).").Resolve(ctx => ctx.Source.SubmittedAt.UtcDateTime);
        Field<DateTimeScalar>("decidedAt").Description("When a moderator decided (UTC).").Resolve(ctx => ctx.Source.DecidedAt?.UtcDateTime);
        Field(s => s.Reason, nullable: true).Description("Why it was rejected.");
    }
}
