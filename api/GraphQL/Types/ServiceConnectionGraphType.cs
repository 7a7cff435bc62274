using GraphQL.Types;
using Signpost.GraphQL.Limits;
using Signpost.Search;

namespace Signpost.GraphQL.Types;

/// <summary>A page of search results (Relay connection). The total is counted only when asked for.</summary>
public sealed record ServiceConnection(IReadOnlyList<ServiceEdge> Edges, PageInfo PageInfo, Func<CancellationToken, Task<int>> CountAsync);

public sealed record ServiceEdge(string Cursor, double? DistanceKm, ServiceReach? Reach, Service Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class ServiceConnectionGraphType : ObjectGraphType<ServiceConnection>
{
    public ServiceConnectionGraphType()
    {
        Name = "ServiceConnection";
        Description = "A page of services matching a search.";
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("How many services match in all, across every page. Exact, and counted only when selected: it reads every match, so on a large result set (a city centre) it costs more than the page itself. Use `pageInfo.hasNextPage` to know whether more follow.")
            .CostsExtra(limits => limits.SearchCost)
            .ResolveAsync(async ctx => await ctx.Source.CountAsync(ctx.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceEdgeGraphType>>>>("edges")
            .Description("The services on this page, in result order.")
            .Resolve(ctx => ctx.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Where this page is in the results.").Resolve(ctx => ctx.Source.PageInfo);
    }
}

public sealed class ServiceEdgeGraphType : ObjectGraphType<ServiceEdge>
{
    public ServiceEdgeGraphType()
    {
        Name = "ServiceEdge";
        Description = "One search result.";
        Field(e => e.Cursor).Description("Pass as `after` to continue after this result.");
        Field(e => e.DistanceKm, nullable: true)
            .Description("Great-circle distance in km from the search point to the service's nearest location, whatever the radius; null without a point, or when the service has no located place.");
        Field<ServiceReachGraphType>("reach")
            .Description("How the service reaches the search point: a location within the radius, or only its service area. Null without a point.")
            .Resolve(ctx => ctx.Source.Reach);
        Field<NonNullGraphType<ServiceGraphType>>("node").Description("The service.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class ServiceReachGraphType : EnumerationGraphType<ServiceReach>
{
    public ServiceReachGraphType()
    {
        Name = "ServiceReach";
        Description = "How a service found near a point reaches it.";
        Values["LOCATION"]!.Description = "One of its locations is within the radius.";
        Values["SERVICE_AREA"]!.Description = "None of its locations is within the radius, but its service area covers the point (phone and online services, home visits).";
    }
}

public sealed class ServiceOrderGraphType : EnumerationGraphType<SearchOrder>
{
    public ServiceOrderGraphType()
    {
        Name = "ServiceOrder";
        Description = "The order of search results. Every order is keyset-paged and stable: paging never skips or repeats a service.";
        Values["DISTANCE"]!.Description = "Needs `near` or `postcode` (and is then the default). Services with a location within the radius, nearest first; then services that reach the point only through their service area, by their nearest location (none last). Ties by id.";
        Values["RELEVANCE"]!.Description = "Needs `text` (and is the default with text alone). Best match first, ties by id.";
        Values["NAME"]!.Description = "Alphabetical by name, ignoring case; ties by id. The default with neither a point nor text.";
        Values["LAST_VERIFIED"]!.Description = "Most recently verified with the provider first; never verified last; ties by id.";
        Values["RECENTLY_ADDED"]!.Description = "Most recently added to this directory first.";
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Relay paging information.";
        Field(p => p.HasNextPage).Description("True when more results follow this page (always exact, even without `totalCount`).");
        Field(p => p.HasPreviousPage).Description("True when this page was asked for with `after`.");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first result on this page.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last result on this page; pass as `after` for the next page.");
    }
}
