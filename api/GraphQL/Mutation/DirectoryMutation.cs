using GraphQL;
using GraphQL.Types;
using Signpost.GraphQL.Loading;
using Signpost.GraphQL.Query;
using Signpost.GraphQL.Types.Moderation;
using Signpost.GraphQL.Types.Submissions;
using Signpost.Moderation;
using Signpost.Submissions;

namespace Signpost.GraphQL.Mutation;

public sealed class DirectoryMutation : ObjectGraphType
{
    public DirectoryMutation()
    {
        Name = "Mutation";
        Description = "Send listings, suggestions and reports (anyone); moderate them (an API key with the moderator role). A mutation that fails is null, with its error in `errors`; the others sent in the same request keep their results.";

        Field<SubmitListingPayloadGraphType>("submitListing")
            .Description("Send a new service for listing. It goes live only when a moderator approves it. Limited per client (RATE_LIMITED).")
            .Argument<NonNullGraphType<SubmitListingInputGraphType>>("input", "The listing.")
            .ResolveAsync(async ctx => await ctx.Service<SubmissionService>().SubmitListingAsync(ctx.GetArgument<SubmitListingInput>("input"), ctx.CancellationToken));

        Field<SuggestChangePayloadGraphType>("suggestChange")
            .Description("Suggest changes to a listing. They apply only when a moderator approves them. Limited per client (RATE_LIMITED).")
            .Argument<NonNullGraphType<SuggestChangeInputGraphType>>("input", "The listing and the changes.")
            .ResolveAsync(async ctx => await ctx.Service<SubmissionService>().SuggestChangeAsync(ctx.GetArgument<SuggestChangeInput>("input"), ctx.CancellationToken));

        Field<ReportProblemPayloadGraphType>("reportProblem")
            .Description("Report a problem with a listing to the moderators. Limited per client (RATE_LIMITED).")
            .Argument<NonNullGraphType<ReportProblemInputGraphType>>("input", "The listing and the problem.")
            .ResolveAsync(async ctx => await ctx.Service<SubmissionService>().ReportProblemAsync(ctx.GetArgument<ReportProblemInput>("input"), ctx.CancellationToken));

        Field<ClaimListingPayloadGraphType>("claimListing")
            .Description("Ask to look after the listings of the organisation that runs a service. A moderator checks it; approving gives your email a sign-in to the console, where you keep those listings up to date. Limited per client (RATE_LIMITED).")
            .Argument<NonNullGraphType<ClaimListingInputGraphType>>("input", "The service and who you are.")
            .ResolveAsync(async ctx => await ctx.Service<SubmissionService>().ClaimListingAsync(ctx.GetArgument<ClaimListingInput>("input"), ctx.CancellationToken));

        Field<ApproveSubmissionPayloadGraphType>("approveSubmission")
            .Description("Moderators: approve a submission. A new listing is created, a change applied (all of it or none), a report marked dealt with, a claim's person given a provider account and emailed a link to choose a password; the change is audited.")
            .Argument<NonNullGraphType<ApproveSubmissionInputGraphType>>("input", "The submission.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ApproveSubmissionInput>("input");
                var (submission, service) = await ctx.Service<ModerationService>().ApproveAsync(DirectoryQuery.ParseId(input.Id, "input.id"), input.ExpectedVersion, ctx.CancellationToken);
                return new SubmissionDecision(submission, service);
            });

        Field<RejectSubmissionPayloadGraphType>("rejectSubmission")
            .Description("Moderators: reject a submission with a reason. Nothing public changes.")
            .Argument<NonNullGraphType<RejectSubmissionInputGraphType>>("input", "The submission and the reason.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RejectSubmissionInput>("input");
                var submission = await ctx.Service<ModerationService>().RejectAsync(DirectoryQuery.ParseId(input.Id, "input.id"), input.Reason, ctx.CancellationToken);
                return new SubmissionDecision(submission, null);
            });

        ServiceAction<VerifyServicePayloadGraphType>("verifyService", "Moderators: record that the listing was checked with its provider today (sets lastVerified).",
            (moderation, input, ct) => moderation.VerifyAsync(DirectoryQuery.ParseId(input.ServiceId, "input.serviceId"), input.ExpectedVersion, ct));
        ServiceAction<CloseServiceTemporarilyPayloadGraphType>("closeServiceTemporarily", "Moderators: mark the service temporarily closed (still listed, never open).",
            (moderation, input, ct) => moderation.CloseTemporarilyAsync(DirectoryQuery.ParseId(input.ServiceId, "input.serviceId"), input.ExpectedVersion, ct));
        ServiceAction<ArchiveServicePayloadGraphType>("archiveService", "Moderators: take the service out of public results (status inactive). Nothing is deleted; restoreService brings it back.",
            (moderation, input, ct) => moderation.ArchiveAsync(DirectoryQuery.ParseId(input.ServiceId, "input.serviceId"), input.ExpectedVersion, ct));
        ServiceAction<RestoreServicePayloadGraphType>("restoreService", "Moderators: list the service again as active.",
            (moderation, input, ct) => moderation.RestoreAsync(DirectoryQuery.ParseId(input.ServiceId, "input.serviceId"), input.ExpectedVersion, ct));

        Field<RevertChangePayloadGraphType>("revertChange")
            .Description("Moderators: undo one change of a listing's fields (a provider's edit, an approved suggestion), as a new audited change. A field changed again since is refused with CONFLICT; opening times come back as words.")
            .Argument<NonNullGraphType<RevertChangeInputGraphType>>("input", "The listing and the change.")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RevertChangeInput>("input");
                return await ctx.Service<ModerationService>().RevertAsync(DirectoryQuery.ParseId(input.ServiceId, "input.serviceId"), input.Version, input.ExpectedVersion, ctx.CancellationToken);
            });
    }

    private void ServiceAction<TPayload>(string name, string description, Func<ModerationService, ServiceModerationInput, CancellationToken, Task<Service>> act)
        where TPayload : IGraphType =>
        Field<TPayload>(name)
            .Description(description)
            .Argument<NonNullGraphType<ServiceModerationInputGraphType>>("input", "The listing.")
            .ResolveAsync(async ctx => await act(ctx.Service<ModerationService>(), ctx.GetArgument<ServiceModerationInput>("input"), ctx.CancellationToken));
}
