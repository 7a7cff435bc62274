using GraphQL.Types;
using Signpost.Search;

namespace Signpost.GraphQL.Types;

/// <summary>A page of search results (Relay connection).</summary>
public sealed record ServiceConnection(int TotalCount, IReadOnlyList<ServiceEdge> Edges, PageInfo PageInfo);

public sealed record ServiceEdge(string Cursor, double? DistanceKm, Service Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

public sealed class ServiceConnectionGraphType : ObjectGraphType<ServiceConnection>
{
    public ServiceConnectionGraphType()
    {
        Name = "ServiceConnection";
        Description = "A page of services matching a search.";
        Field(c => c.TotalCount).Description("How many services match in all, across every page.");
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
            .Description("Great-circle distance in km from the search point to the service's nearest location within the radius; 0 when the service reaches the point through its service area and has no location within the radius; null without a point.");
        Field<NonNullGraphType<ServiceGraphType>>("node").Description("The service.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Relay paging information.";
        Field(p => p.HasNextPage).Description("True when more results follow this page.");
        Field(p => p.HasPreviousPage).Description("True when this page was asked for with `after`.");
        Field(p => p.StartCursor, nullable: true).Description("Cursor of the first result on this page.");
        Field(p => p.EndCursor, nullable: true).Description("Cursor of the last result on this page; pass as `after` for the next page.");
    }
}
