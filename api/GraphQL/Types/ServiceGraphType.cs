using GraphQL.Types;
using Signpost.GraphQL.Loading;

namespace Signpost.GraphQL.Types;

public sealed class ServiceGraphType : ObjectGraphType<Service>
{
    /// <summary>A listing not verified for this long is flagged as stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(365);

    public ServiceGraphType()
    {
        Name = "Service";
        Description = "Something an organisation offers to people: a group, clinic, helpline or support (HSDS service).";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the service.");
        Field(s => s.Name).Description("The service's name.");
        Field(s => s.AlternateName, nullable: true).Description("Another name it is known by.");
        Field(s => s.Description, nullable: true).Description("What the service offers.");
        Field(s => s.Url, nullable: true).Description("Web page for the service.");
        Field(s => s.Email, nullable: true).Description("Email address for the service.");
        Field(s => s.Status, type: typeof(NonNullGraphType<ServiceStatusGraphType>)).Description("Whether the service is running.");
        Field(s => s.InterpretationServices, nullable: true).Description("Interpreting available, e.g. \"BSL interpreter on request\".");
        Field(s => s.ApplicationProcess, nullable: true).Description("How to get the service: drop in, self-refer, GP referral.");
        Field(s => s.FeesDescription, nullable: true).Description("The cost in words.");
        Field(s => s.EligibilityDescription, nullable: true).Description("Who the service is for.");
        Field(s => s.MinimumAge, nullable: true).Description("Youngest age served, in years.");
        Field(s => s.MaximumAge, nullable: true).Description("Oldest age served, in years.");
        Field(s => s.Alert, nullable: true).Description("A short-term notice, e.g. \"No sessions in August\".");
        Field(s => s.Version).Description("Goes up by one with every moderated change; send it as baseVersion with suggestChange.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Moderation.AuditEntryGraphType>>>>("history")
            .Description("Moderators: every change to the listing, newest first (who, when, which fields, old and new values).")
            .ResolveAsync(async ctx =>
            {
                await ctx.Service<Signpost.Moderation.Caller>().RequireAsync(Signpost.Moderation.ApiKeyRole.Moderator, ctx.CancellationToken);
                return ctx.Loaders().HistoryOf(ctx.Source);
            });
        Field("lastVerified", s => s.AssuredDate, type: typeof(DateOnlyGraphType))
            .Description("When the listing was last checked with the provider (HSDS assured_date).");
        Field<NonNullGraphType<BooleanGraphType>>("isStale")
            .Description("True when the listing has not been verified for over 12 months, or never.")
            .Resolve(ctx => ctx.Source.AssuredDate is not { } verified
                || verified.ToDateTime(TimeOnly.MinValue) < ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime - StaleAfter);
        Field<NonNullGraphType<DateTimeScalar>>("lastModified")
            .Description("When the listing last changed (UTC).")
            .Resolve(ctx => ctx.Source.LastModified.UtcDateTime);
        Field<NonNullGraphType<OrganizationGraphType>>("organization")
            .Description("The organisation that runs the service.")
            .Resolve(ctx => ctx.Loaders().Organization(ctx.Source.OrganizationId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocationGraphType>>>>("locations")
            .Description("Where the service is delivered.")
            .Resolve(ctx => ctx.Loaders().LocationsOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGraphType>>>>("categories")
            .Description("The needs the service meets.")
            .Resolve(ctx => ctx.Loaders().CategoriesOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScheduleGraphType>>>>("schedules")
            .Description("When the service runs.")
            .Resolve(ctx => ctx.Loaders().SchedulesOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("openingHours")
            .Description("Opening hours in plain English, one line per schedule, e.g. \"Tuesdays and Thursdays, 10am–12:30pm\".")
            .Resolve(ctx => ctx.Loaders().SchedulesOf(ctx.Source).Then(s => s.Select(OpeningHoursText.Describe).Where(t => t.Length > 0).ToList()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PhoneGraphType>>>>("phones")
            .Description("Phone numbers for the service.")
            .Resolve(ctx => ctx.Loaders().PhonesOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContactGraphType>>>>("contacts")
            .Description("People or roles to contact.")
            .Resolve(ctx => ctx.Loaders().ContactsOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceAreaGraphType>>>>("serviceAreas")
            .Description("Areas the service reaches without a visit, such as home visiting.")
            .Resolve(ctx => ctx.Loaders().ServiceAreasOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CostOptionGraphType>>>>("costOptions")
            .Description("What it costs.")
            .Resolve(ctx => ctx.Loaders().CostOptionsOf(ctx.Source));
        Field<NonNullGraphType<BooleanGraphType>>("isFree")
            .Description("True when no cost option has a price above zero.")
            .Resolve(ctx => ctx.Loaders().CostOptionsOf(ctx.Source).Then(c => c.All(o => o.Amount is null or 0)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LanguageGraphType>>>>("languages")
            .Description("Languages the service is offered in.")
            .Resolve(ctx => ctx.Loaders().LanguagesOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessibilityGraphType>>>>("accessibility")
            .Description("Accessibility features of the service's locations.")
            .Resolve(ctx => ctx.Loaders().AccessibilityOf(ctx.Source));
    }
}
