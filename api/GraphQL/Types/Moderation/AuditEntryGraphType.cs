using GraphQL.Types;
using Signpost.Moderation;

namespace Signpost.GraphQL.Types.Moderation;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One change to a listing: who made it, when, and each field's old and new value (HSDS metadata).";
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When (UTC).").Resolve(ctx => ctx.Source.At.UtcDateTime);
        Field(a => a.Actor).Description("Who made the change: an API key's name, a person's name (a provider's followed by \"(provider)\"), or a server-side flow such as a reminder link.");
        Field(a => a.Action).Description("created, updated, verified, temporarily closed, archived, restored or reverted.");
        Field(a => a.Version).Description("The listing's version after the change.");
        Field(a => a.SubmissionId, type: typeof(IdGraphType)).Description("The submission the change came from, if any.");
        Field(a => a.Changes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<FieldChangeGraphType>>>)).Description("The fields that changed.");
    }
}

public sealed class FieldChangeGraphType : ObjectGraphType<FieldChange>
{
    public FieldChangeGraphType()
    {
        Name = "FieldChange";
        Description = "A field's value before and after a change.";
        Field(c => c.Field).Description("The field, by its GraphQL name.");
        Field(c => c.OldValue, nullable: true).Description("Before (null: not set).");
        Field(c => c.NewValue, nullable: true).Description("After (null: not set).");
    }
}
