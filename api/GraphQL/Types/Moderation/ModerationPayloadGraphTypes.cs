using GraphQL.Types;
using Signpost.Moderation;

namespace Signpost.GraphQL.Types.Moderation;

public sealed class ApproveSubmissionPayloadGraphType : ObjectGraphType<SubmissionDecision>
{
    public ApproveSubmissionPayloadGraphType()
    {
        Name = "ApproveSubmissionPayload";
        Description = "The approved submission and the listing it created or changed.";
        Field(d => d.Submission, type: typeof(NonNullGraphType<SubmissionGraphType>)).Description("The submission, now approved.");
        Field(d => d.Service, type: typeof(ServiceGraphType)).Description("The listing created or changed (null for a report).");
    }
}

public sealed class RejectSubmissionPayloadGraphType : ObjectGraphType<SubmissionDecision>
{
    public RejectSubmissionPayloadGraphType()
    {
        Name = "RejectSubmissionPayload";
        Description = "The rejected submission.";
        Field(d => d.Submission, type: typeof(NonNullGraphType<SubmissionGraphType>)).Description("The submission, now rejected.");
    }
}

/// <summary>What a moderation action on a listing returns: the listing after it.</summary>
public abstract class ServiceActionPayloadGraphType : ObjectGraphType<Service>
{
    protected ServiceActionPayloadGraphType(string name, string what)
    {
        Name = name;
        Description = $"The listing after it was {what}.";
        Field<NonNullGraphType<ServiceGraphType>>("service").Description("The listing, with its new version.").Resolve(ctx => ctx.Source);
    }
}

public sealed class VerifyServicePayloadGraphType() : ServiceActionPayloadGraphType("VerifyServicePayload", "marked verified");

public sealed class CloseServiceTemporarilyPayloadGraphType() : ServiceActionPayloadGraphType("CloseServiceTemporarilyPayload", "temporarily closed");

public sealed class ArchiveServicePayloadGraphType() : ServiceActionPayloadGraphType("ArchiveServicePayload", "archived");

public sealed class RestoreServicePayloadGraphType() : ServiceActionPayloadGraphType("RestoreServicePayload", "restored");

public sealed class RevertChangePayloadGraphType() : ServiceActionPayloadGraphType("RevertChangePayload", "put back as before the change");
