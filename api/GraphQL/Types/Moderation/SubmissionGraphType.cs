using System.Text.Json;
using GraphQL.Types;
using Signpost.GraphQL.Loading;
using Signpost.GraphQL.Types.Submissions;
using Signpost.Moderation;
using Signpost.Submissions;

namespace Signpost.GraphQL.Types.Moderation;

/// <summary>A submission as moderators see it, with the submitter's private details and a diff against the listing.</summary>
public sealed class SubmissionGraphType : ObjectGraphType<Submission>
{
    public SubmissionGraphType()
    {
        Name = "Submission";
        Description = "A submission in the moderation queue (moderators only).";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The submission's id: pass it to approveSubmission or rejectSubmission.");
        Field(s => s.Reference).Description("The reference the submitter quotes.");
        Field(s => s.Kind, type: typeof(NonNullGraphType<SubmissionKindGraphType>)).Description("New listing, suggested change, problem report or claim.");
        Field(s => s.Status, type: typeof(NonNullGraphType<SubmissionStatusGraphType>)).Description("Pending, approved or rejected.");
        Field<NonNullGraphType<DateTimeScalar>>("submittedAt").Description("When it was sent (UTC).").Resolve(ctx => ctx.Source.SubmittedAt.UtcDateTime);
        Field<DateTimeScalar>("decidedAt").Description("When it was approved or rejected (UTC).").Resolve(ctx => ctx.Source.DecidedAt?.UtcDateTime);
        Field(s => s.DecidedBy, nullable: true).Description("The name of the key that decided it.");
        Field(s => s.Reason, nullable: true).Description("Why it was rejected.");
        Field(s => s.Topic, type: typeof(ProblemTopicGraphType)).Description("A report's topic.");
        Field<StringGraphType>("message").Description("A report's message, a suggestion's note, or a claim's message, as sent.")
            .Resolve(ctx => ctx.Source.Kind switch
            {
                SubmissionKind.ProblemReport => JsonSerializer.Deserialize<ReportPayload>(ctx.Source.Payload, JsonSerializerOptions.Web)?.Message,
                SubmissionKind.ChangeSuggestion => ModerationService.Suggestion(ctx.Source).Note,
                SubmissionKind.Claim => ModerationService.Claim(ctx.Source).Message,
                _ => null,
            });
        Field<StringGraphType>("jobTitle").Description("A claim's person's role at the organisation, as sent.")
            .Resolve(ctx => ctx.Source.Kind == SubmissionKind.Claim ? ModerationService.Claim(ctx.Source).JobTitle : null);
        Field<SubmitterGraphType>("submitter").Description("Who sent it, if they said. Private: never public.")
            .Resolve(ctx => ctx.Source.SubmitterName is null && ctx.Source.SubmitterEmail is null ? null : ctx.Source);
        Field<ServiceGraphType>("service").Description("The listing as it is now: the one suggested to or reported on, or the one an approved new listing created.")
            .Resolve(ctx => ctx.Source.ServiceId is { } id ? ctx.Loaders().Service(id) : null);
        Field(s => s.BaseVersion, nullable: true).Description("The listing's version the suggester saw (or the reporter, for a report).");
        Field<IntGraphType>("currentVersion").Description("The listing's version now: pass it as expectedVersion when approving.")
            .Resolve(ctx => ctx.Source.ServiceId is { } id ? ctx.Loaders().Service(id).Then(s => s?.Version) : null);
        Field<NonNullGraphType<BooleanGraphType>>("isOutdated").Description("True when the listing has changed since the suggester saw it: check the diff.")
            .Resolve(ctx => ctx.Source.ServiceId is { } id && ctx.Source.BaseVersion is { } seen && ctx.Source.Status == SubmissionStatus.Pending
                ? ctx.Loaders().Service(id).Then(s => s is not null && s.Version > seen)
                : false);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldDiffGraphType>>>>("changes")
            .Description("What approving would change: each field's value now and proposed (all new for a new listing; none for a report).")
            .Resolve(ctx => ctx.Source.Kind switch
            {
                SubmissionKind.ChangeSuggestion => ctx.Loaders().ServiceWithChangeableParts(ctx.Source.ServiceId!.Value).Then(s => SubmissionDiffs.Of(ctx.Source, s)),
                _ => SubmissionDiffs.Of(ctx.Source, null),
            });
        Field<StringGraphType>("listing").Description("A new listing exactly as submitted (HSDS-shaped JSON, as in data-seed/).")
            .Resolve(ctx => ctx.Source.Kind == SubmissionKind.NewListing ? ctx.Source.Payload : null);
    }
}

public sealed class FieldDiffGraphType : ObjectGraphType<FieldDiff>
{
    public FieldDiffGraphType()
    {
        Name = "FieldDiff";
        Description = "One field of a listing, now and as proposed.";
        Field(d => d.Field).Description("The field, by its GraphQL name, e.g. \"description\" or \"locations[0]\".");
        Field(d => d.Current, nullable: true).Description("Its value now (null: not set, or a new listing).");
        Field(d => d.Proposed, nullable: true).Description("The proposed value.");
    }
}

public sealed class SubmitterGraphType : ObjectGraphType<Submission>
{
    public SubmitterGraphType()
    {
        Name = "Submitter";
        Description = "Who sent a submission (moderators only; never public).";
        Field("name", s => s.SubmitterName, nullable: true).Description("Their name.");
        Field("email", s => s.SubmitterEmail, nullable: true).Description("Their email address.");
    }
}
