using GraphQL;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.GraphQL.Errors;
using Signpost.GraphQL.Types;
using Signpost.Search;

namespace Signpost.GraphQL.Query;

/// <summary>
/// The <c>services</c> field: checks every argument (naming the one that is wrong), runs the
/// indexed search, then loads just the page's services in one query.
/// </summary>
public sealed class ServicesSearchField(
    IServiceSearch search,
    PostcodeResolver postcodes,
    CategoryCatalog categories,
    BankHolidays bankHolidays,
    TimeProvider clock,
    DirectoryDbContext db)
{
    // Compiled once: translating the query on every request cost more than running it.
    private static readonly CompiledQuery<long[], Service> ServicesByRowId =
        new((db, rowIds) => db.Services.Where(s => rowIds.Contains(s.RowId)));

    public async Task<ServiceConnection> ResolveAsync(IResolveFieldContext context)
    {
        var request = await BuildRequestAsync(context, context.CancellationToken);
        var page = await search.SearchAsync(request, context.CancellationToken);

        var services = new Dictionary<long, Service>(page.Hits.Count);
        await foreach (var service in ServicesByRowId.Run(db, page.Hits.Select(h => h.RowId).ToArray()).WithCancellation(context.CancellationToken))
        {
            services[service.RowId] = service;
        }

        var edges = page.Hits
            .Where(h => services.ContainsKey(h.RowId))
            .Select(h => new ServiceEdge(h.Cursor.Encode(), h.DistanceKm, h.Reach, services[h.RowId]))
            .ToList();
        return new ServiceConnection(
            edges,
            new PageInfo(page.HasNextPage, request.After is not null, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            cancellationToken => search.CountAsync(request with { After = null }, cancellationToken));
    }

    private async Task<ServiceSearchRequest> BuildRequestAsync(IResolveFieldContext context, CancellationToken cancellationToken)
    {
        var near = context.GetArgument<GeoPoint?>("near");
        var postcode = context.GetArgument<string?>("postcode");
        var radius = context.GetArgument<double?>("radiusKm");
        var text = context.GetArgument<string?>("text");
        var categoryIds = context.GetArgument<List<string>?>("categories");
        var openAt = context.GetArgument<DateTime?>("openAt");
        var openNow = context.GetArgument<bool?>("openNow");
        var age = context.GetArgument<int?>("age");
        var language = context.GetArgument<string?>("language");
        var first = context.GetArgument<int?>("first") ?? SearchLimits.DefaultPageSize;
        var after = context.GetArgument<string?>("after");
        var orderBy = context.GetArgument<SearchOrder?>("orderBy");

        if (near is { } point)
        {
            if (!GeoPoint.IsValidLatitude(point.Latitude))
            {
                throw new InputError("near.latitude", "must be between -90 and 90");
            }

            if (!GeoPoint.IsValidLongitude(point.Longitude))
            {
                throw new InputError("near.longitude", "must be between -180 and 180");
            }

            if (postcode is not null)
            {
                throw new InputError("postcode", "give either near or postcode, not both");
            }
        }

        if (radius is { } r && (!double.IsFinite(r) || r <= 0 || r > SearchLimits.MaxRadiusKm))
        {
            throw new InputError("radiusKm", $"must be more than 0 and at most {SearchLimits.MaxRadiusKm} km");
        }

        if (radius is not null && near is null && postcode is null)
        {
            throw new InputError("radiusKm", "needs near or postcode to search around");
        }

        if (first is < 1 or > SearchLimits.MaxPageSize)
        {
            throw new InputError("first", $"must be between 1 and {SearchLimits.MaxPageSize}");
        }

        if (text is { Length: > SearchLimits.MaxTextLength })
        {
            throw new InputError("text", $"must be at most {SearchLimits.MaxTextLength} characters");
        }

        if (age is < 0 or > 120)
        {
            throw new InputError("age", "must be between 0 and 120");
        }

        if (language is not null && (string.IsNullOrWhiteSpace(language) || language.Length > 64))
        {
            throw new InputError("language", "must be a language code or name of 1 to 64 characters");
        }

        if (openAt is not null && openNow is true)
        {
            throw new InputError("openAt", "give either openAt or openNow, not both");
        }

        var fts = string.IsNullOrWhiteSpace(text) ? null : FtsQuery.From(text);
        var hasPoint = near is not null || postcode is not null;
        if (orderBy == SearchOrder.Distance && !hasPoint)
        {
            throw new InputError("orderBy", "DISTANCE needs near or postcode to measure from");
        }

        if (orderBy == SearchOrder.Relevance && fts is null)
        {
            throw new InputError("orderBy", "RELEVANCE needs text to rank by");
        }

        var order = orderBy ?? ServiceSearchRequest.DefaultOrder(hasPoint, fts is not null);
        SearchCursor? cursor = null;
        if (after is not null)
        {
            if (!SearchCursor.TryDecode(after, out cursor))
            {
                throw new InputError("after", "is not a cursor from this search (use pageInfo.endCursor of the same query)");
            }

            if (cursor!.Version != SearchCursor.CurrentVersion)
            {
                throw new InputError("after", "is a cursor from an earlier version of the search, whose order has changed; start again from the first page");
            }

            if (!cursor.Fits(order))
            {
                throw new InputError("after", "is not a cursor from this search (use pageInfo.endCursor of the same query, in the same order)");
            }
        }

        if (postcode is not null)
        {
            near = (await postcodes.ResolveAsync(postcode, "postcode", cancellationToken)).Point;
        }

        var moment = openAt is { } at ? UkLocalTime.ToUkLocal(at)
            : openNow is true ? UkLocalTime.ToUkLocal(clock.GetUtcNow())
            : (DateTime?)null;

        return new ServiceSearchRequest
        {
            Near = near,
            RadiusKm = radius ?? SearchLimits.DefaultRadiusKm,
            Text = fts,
            CategoryIds = await ExpandCategoriesAsync(categoryIds, cancellationToken),
            OpenAt = moment is { } m ? OpenAtMoment.From(m, bankHolidays) : null,
            Free = context.GetArgument<bool?>("free"),
            Age = age,
            Language = language?.Trim(),
            First = first,
            After = cursor,
            OrderBy = orderBy,
        };
    }

    private async Task<IReadOnlyList<Guid>> ExpandCategoriesAsync(List<string>? ids, CancellationToken cancellationToken)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        if (ids.Count > SearchLimits.MaxCategories)
        {
            throw new InputError("categories", $"at most {SearchLimits.MaxCategories} categories at a time");
        }

        var expanded = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!Guid.TryParse(ids[i], out var id) || await categories.FindAsync(id, cancellationToken) is null)
            {
                throw new InputError($"categories[{i}]", $"'{DirectoryQuery.Truncate(ids[i])}' is not a category id (see the categories query)");
            }

            expanded.UnionWith(await categories.WithDescendantsAsync(id, cancellationToken));
        }

        return expanded.ToList();
    }
}
