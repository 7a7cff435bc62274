using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Geo.Postcodes;
using Signpost.GraphQL.Types.Moderation;
using Signpost.GraphQL.Types.Submissions;
using Signpost.Moderation;
using Signpost.Submissions;
using Signpost.OpeningHours;
using Signpost.GraphQL.Errors;
using Signpost.GraphQL.Limits;
using Signpost.GraphQL.Loading;
using Signpost.GraphQL.Types;
using Signpost.Search;

namespace Signpost.GraphQL.Query;

public sealed class DirectoryQuery : ObjectGraphType
{
    public DirectoryQuery()
    {
        Name = "Query";
        Description = "Read the directory: search services, look up one service or organisation, browse categories.";

        Field<NonNullGraphType<ServiceConnectionGraphType>>("services")
            .Description("Search services. Filters combine with AND. With `near` or `postcode`, results are the services with a location within the radius, nearest first, then those that reach the point only through their service area (see `ServiceEdge.reach`); with only `text`, best match first; otherwise by name. `orderBy` chooses another order.")
            .Argument<GeoPointInputGraphType>("near", "Search around this point. Not with `postcode`.")
            .Argument<StringGraphType>("postcode", "Search around this UK postcode's district centre, in any spacing or case (\"ex108xx\", \"EX10 8XX\"). Not with `near`.")
            .Argument<FloatGraphType>("radiusKm", $"Search radius in km, more than 0 and at most {SearchLimits.MaxRadiusKm}; default {SearchLimits.DefaultRadiusKm}. Needs `near` or `postcode`.")
            .Argument<StringGraphType>("text", $"Words to find in service, organisation and category names and descriptions (all must match). At most {SearchLimits.MaxTextLength} characters; punctuation and operators are searched as plain words.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("categories", "Category ids; a service in any of them (or their sub-categories) matches.")
            .Argument<DateTimeScalar>("openAt", "Only services open at this moment (evaluated in UK local time; a time without offset is UK local). Not with `openNow`.")
            .Argument<BooleanGraphType>("openNow", "true: only services open right now in the UK.")
            .Argument<BooleanGraphType>("free", "true: only free services; false: only services with a charge.")
            .Argument<IntGraphType>("age", "Only services for someone of this age in years (0-120).")
            .Argument<StringGraphType>("language", "Only services offered in this language: ISO 639 code (\"pl\") or English name (\"Polish\").")
            .Argument<IntGraphType>("first", $"Page size, 1 to {SearchLimits.MaxPageSize}; default {SearchLimits.DefaultPageSize}.")
            .Argument<ServiceOrderGraphType>("orderBy", "The order of results; the default depends on the search (see `ServiceOrder`).")
            .Argument<StringGraphType>("after", "Continue after this cursor (from `pageInfo.endCursor` of the same search and order).")
            .CostsExtra(limits => limits.SearchCost)
            .PagedBy("first", SearchLimits.DefaultPageSize, SearchLimits.MaxPageSize)
            .ResolveAsync(async ctx => await ctx.Service<ServicesSearchField>().ResolveAsync(ctx));

        Field<ServiceGraphType>("service")
            .Description("One service by id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The service's UUID.")
            .ResolveAsync(async ctx =>
            {
                var id = ParseId(ctx.GetArgument<string>("id"), "id");
                return await ctx.Service<DirectoryDbContext>().Services.FirstOrDefaultAsync(s => s.Id == id, ctx.CancellationToken);
            });

        Field<OrganizationGraphType>("organization")
            .Description("One organisation by id, or null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The organisation's UUID.")
            .ResolveAsync(async ctx =>
            {
                var id = ParseId(ctx.GetArgument<string>("id"), "id");
                return await ctx.Service<DirectoryDbContext>().Organizations.FirstOrDefaultAsync(o => o.Id == id, ctx.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGraphType>>>>("categories")
            .Description("The category taxonomy as a tree: the top-level categories, each with its children.")
            .ListOfAbout(20)
            .ResolveAsync(async ctx => await ctx.Service<CategoryCatalog>().RootsAsync(ctx.CancellationToken));

        Field<NonNullGraphType<DataLicenceGraphType>>("dataLicence")
            .Description("The data's licence and the attribution to show with it (also on every response, as a Link: rel=\"license\" header).")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<Microsoft.Extensions.Options.IOptions<Signpost.Embedding.DataLicenceOptions>>().Value);

        Field<GeoPointGraphType>("geocode")
            .Description("The centre of a UK postcode's district. A malformed postcode is BAD_USER_INPUT; one Signpost does not know is NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("postcode", "A UK postcode or district, in any spacing or case.")
            .ResolveAsync(async ctx =>
            {
                var found = await ctx.Service<PostcodeResolver>().ResolveAsync(ctx.GetArgument<string>("postcode"), "postcode", ctx.CancellationToken);
                return found.Point;
            });

        Field<NonNullGraphType<SubmissionProgressGraphType>>("submissionStatus")
            .Description("How a submission is going, for whoever holds its reference and status token (both from the submit mutation). NOT_FOUND if either is wrong.")
            .Argument<NonNullGraphType<StringGraphType>>("reference", "The submission's reference, e.g. \"SP-7K3M-9QXD\".")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The private status token.")
            .ResolveAsync(async ctx => await ctx.Service<SubmissionService>().StatusAsync(ctx.GetArgument<string>("reference"), ctx.GetArgument<string>("token"), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubmissionGraphType>>>>("moderationQueue")
            .Description("Moderators: submissions, oldest first. Defaults to those pending.")
            .Argument<SubmissionKindGraphType>("kind", "Only this kind.")
            .Argument<SubmissionStatusGraphType>("status", "Only this status; default PENDING.")
            .Argument<IdGraphType>("serviceId", "Only those about this service.")
            .Argument<IntGraphType>("first", $"How many, 1 to {ModerationService.MaxQueuePage}; default 50.")
            .PagedBy("first", 50, ModerationService.MaxQueuePage)
            .ResolveAsync(async ctx => await ctx.Service<ModerationService>().QueueAsync(
                ctx.GetArgument<SubmissionKind?>("kind"),
                ctx.GetArgument("status", SubmissionStatus.Pending),
                ctx.GetArgument<string?>("serviceId") is { } id ? ParseId(id, "serviceId") : null,
                ctx.GetArgument("first", 50),
                ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceGraphType>>>>("staleServices")
            .Description("Moderators: listed services not verified for over 12 months, or never, or whose last review reminder went unanswered; the longest-unverified first.")
            .Argument<IntGraphType>("first", $"How many, 1 to {ModerationService.MaxQueuePage}; default 50.")
            .PagedBy("first", 50, ModerationService.MaxQueuePage)
            .ResolveAsync(async ctx => await ctx.Service<ModerationService>().StaleAsync(ctx.GetArgument("first", 50), ctx.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PostcodeDistrictGraphType>>>>("postcodeDistricts")
            .Description("Every postcode district Signpost can place, with its centre, by outcode: lets a client (such as the static site) turn a postcode into a point without sending it anywhere.")
            .ListOfAbout(3_000) // every UK postcode district
            .Resolve(ctx => ctx.Service<IPostcodeLookup>().Districts);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateOnlyGraphType>>>>("bankHolidays")
            .Description("England and Wales bank holidays Signpost knows, in date order. On these days only services open every day count as open.")
            .ListOfAbout(100)
            .Resolve(ctx => ctx.Service<BankHolidays>().Dates);
    }

    public static Guid ParseId(string? value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new InputError(field, $"'{Truncate(value)}' is not a UUID");

    public static string Truncate(string? value) => value is { Length: > 60 } ? value[..60] + "…" : value ?? "";
}
