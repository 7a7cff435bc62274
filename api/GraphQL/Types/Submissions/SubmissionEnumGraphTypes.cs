using GraphQL.Types;
using Signpost.Submissions;

namespace Signpost.GraphQL.Types.Submissions;

public sealed class SubmissionKindGraphType : EnumerationGraphType<SubmissionKind>
{
    public SubmissionKindGraphType()
    {
        Name = "SubmissionKind";
        Description = "What a submission is.";
        Values["NEW_LISTING"]!.Description = "A new service to list (submitListing).";
        Values["CHANGE_SUGGESTION"]!.Description = "Proposed changes to a listing (suggestChange).";
        Values["PROBLEM_REPORT"]!.Description = "A problem with a listing (reportProblem).";
        Values["CLAIM"]!.Description = "Someone asks to look after their organisation's listings (claimListing).";
    }
}

public sealed class SubmissionStatusGraphType : EnumerationGraphType<SubmissionStatus>
{
    public SubmissionStatusGraphType()
    {
        Name = "SubmissionStatus";
        Description = "Where a submission is in moderation.";
        Values["PENDING"]!.Description = "Waiting for a moderator; nothing public has changed.";
        Values["APPROVED"]!.Description = "Approved: the listing was created or changed, or the report dealt with.";
        Values["REJECTED"]!.Description = "Not accepted; the reason says why.";
    }
}

public sealed class ProblemTopicGraphType : EnumerationGraphType<ProblemTopic>
{
    public ProblemTopicGraphType()
    {
        Name = "ProblemTopic";
        Description = "What is wrong with a listing.";
        Values["OUT_OF_DATE"]!.Description = "Details such as times or prices are out of date.";
        Values["CLOSED"]!.Description = "The service has closed or stopped running.";
        Values["WRONG_CONTACT_DETAILS"]!.Description = "A phone number, email, website or address is wrong.";
        Values["SOMETHING_ELSE"]!.Description = "Anything else; say what in the message.";
    }
}
