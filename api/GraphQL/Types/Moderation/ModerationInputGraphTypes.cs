using GraphQL.Types;
using Signpost.Moderation;

namespace Signpost.GraphQL.Types.Moderation;

public sealed class ApproveSubmissionInputGraphType : InputObjectGraphType<ApproveSubmissionInput>
{
    public ApproveSubmissionInputGraphType()
    {
        Name = "ApproveSubmissionInput";
        Description = "Approve a submission: create the listing, apply the change, or mark the report dealt with.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The submission's id.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The listing's version you reviewed (the queue's currentVersion); required for a suggested change. If the listing has changed since, the approval is refused with CONFLICT.");
    }
}

public sealed class RejectSubmissionInputGraphType : InputObjectGraphType<RejectSubmissionInput>
{
    public RejectSubmissionInputGraphType()
    {
        Name = "RejectSubmissionInput";
        Description = "Reject a submission, saying why (the submitter sees the reason).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The submission's id.");
        Field(x => x.Reason).Description("Why it is rejected.");
    }
}

public sealed class ServiceModerationInputGraphType : InputObjectGraphType<ServiceModerationInput>
{
    public ServiceModerationInputGraphType()
    {
        Name = "ServiceModerationInput";
        Description = "Which listing to act on, and the version you looked at.";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The service's id.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The listing's version you looked at; if it has changed since, the action is refused with CONFLICT.");
    }
}

public sealed class RevertChangeInputGraphType : InputObjectGraphType<RevertChangeInput>
{
    public RevertChangeInputGraphType()
    {
        Name = "RevertChangeInput";
        Description = "Which change of a listing to undo.";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The service's id.");
        Field(x => x.Version).Description("The version the change made, as the listing's history shows it.");
        Field(x => x.ExpectedVersion, nullable: true).Description("The listing's version you looked at; if it has changed since, the undo is refused with CONFLICT.");
    }
}
