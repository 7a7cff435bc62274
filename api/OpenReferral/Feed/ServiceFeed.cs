using Microsoft.Extensions.Options;
using Signpost.Geo.Postcodes;
using Signpost.OpenReferral.Hsds;
using Signpost.Search;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// <c>/services</c>: the query string becomes one <see cref="ServiceSearchRequest"/>, so the feed
/// filters with the same indexes, rules and ordering as GraphQL's <c>services</c> field. The other
/// lists that filter by their services (<c>/service_at_locations</c>, <c>/organizations</c>) read
/// the same request and ask the same search which services match.
/// </summary>
public sealed class ServiceFeed(IServiceSearch search, CategoryCatalog categories, IPostcodeLookup postcodes, HsdsLoader loader, IOptions<OpenReferralOptions> options)
{
    /// <summary>The widest proximity, in metres: the search's own radius limit.</summary>
    public const int MaxProximityMetres = (int)(SearchLimits.MaxRadiusKm * 1000);

    /// <summary>The parameters <see cref="RequestAsync"/> reads, in the order a refusal names them.</summary>
    public static readonly IReadOnlyList<string> FilterParameters =
        ["search", "taxonomy_term_id", "taxonomy_id", "organization_id", "postcode", "proximity", "modified_after", "minimum_age", "maximum_age", "day", "start_time", "end_time"];

    public async Task<ServiceSearchRequest> RequestAsync(FeedParameters p, CancellationToken cancellationToken)
    {
        var text = p.Text("search");
        var termId = p.Id("taxonomy_term_id");
        var postcodeText = p.Text("postcode", 16);
        var proximity = p.OptionalInt("proximity", 1, MaxProximityMetres);
        var minimumAge = p.OptionalInt("minimum_age", 0, 120);
        var maximumAge = p.OptionalInt("maximum_age", 0, 120);
        var day = p.Day("day");
        var start = p.Time("start_time");
        var end = p.Time("end_time");

        if (proximity is not null && postcodeText is null)
        {
            throw FeedError.BadParameter("proximity", "needs a postcode to measure from");
        }

        if (minimumAge > maximumAge)
        {
            throw FeedError.BadParameter("maximum_age", "must not be less than minimum_age");
        }

        if (start is not null && end is not null && string.CompareOrdinal(start, end) >= 0)
        {
            throw FeedError.BadParameter("end_time", "must be later than start_time");
        }

        GeoPoint? near = null;
        if (postcodeText is not null)
        {
            if (!Postcode.TryParse(postcodeText, out var postcode))
            {
                throw FeedError.BadParameter("postcode", "is not a UK postcode (for example \"EX10 8XX\" or \"EX10\")");
            }

            near = (await postcodes.FindAsync(postcode!, cancellationToken))?.Point
                ?? throw FeedError.BadParameter("postcode", $"no location is known for the postcode district {postcode!.Outcode}");
        }

        return new ServiceSearchRequest
        {
            Near = near,
            RadiusKm = proximity is { } metres ? metres / 1000.0 : SearchLimits.DefaultRadiusKm,
            Text = text is null ? null : FtsQuery.From(text),
            // A term includes the terms below it, as in GraphQL; an unknown term matches nothing.
            CategoryIds = termId is { } id ? await categories.WithDescendantsAsync(id, cancellationToken) : [],
            TaxonomyId = p.Id("taxonomy_id"),
            OrganizationId = p.Id("organization_id"),
            ModifiedAfter = p.DateTime("modified_after"),
            AgesFrom = minimumAge,
            AgesTo = maximumAge,
            AvailableDuring = day is null && start is null && end is null ? null : new AvailabilityWindow(day, start, end),
        };
    }

    /// <summary>Whether <paramref name="request"/> (made by <see cref="RequestAsync"/>) leaves any listed service out.</summary>
    public static bool Narrows(ServiceSearchRequest request) =>
        request.Near is not null || request.Text is not null || request.CategoryIds.Count > 0 || request.TaxonomyId is not null
        || request.OrganizationId is not null || request.ModifiedAfter is not null || request.AgesFrom is not null
        || request.AgesTo is not null || request.AvailableDuring is not null;

    /// <summary>
    /// Every service the request matches, in the search's order, from one search. Lists of other
    /// records need the whole set to count and page what those services hold, so it is bounded
    /// (<c>OpenReferral:MaxMatchedServices</c>): a request that matches more is refused, naming
    /// its first filter, rather than read without limit.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> MatchingIdsAsync(ServiceSearchRequest request, FeedParameters p, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxMatchedServices;
        var page = await search.SearchAsync(request with { First = max, Skip = 0, After = null }, cancellationToken);
        if (page.HasNextPage)
        {
            throw FeedError.BadParameter(p.FirstGiven(FilterParameters) ?? "search",
                $"matches more than the {max:N0} services this list can filter at once; narrow it (for example with postcode and proximity), or page through /services");
        }

        return page.Hits.Select(h => h.Id).ToList();
    }

    public async Task<HsdsPage<HsdsService>> PageAsync(ServiceSearchRequest request, int pageNumber, int perPage, bool minimal, CancellationToken cancellationToken)
    {
        var total = await search.CountAsync(request, cancellationToken);
        var page = await search.SearchAsync(request with { First = perPage, Skip = (pageNumber - 1) * perPage }, cancellationToken);
        var services = await loader.ServicesAsync(page.Hits.Select(h => h.Id).ToList(), minimal, cancellationToken);
        return HsdsPage<HsdsService>.Of(services, total, pageNumber, perPage);
    }

    /// <summary>Every match, a batch at a time (keyset paging), so memory does not grow with the result.</summary>
    public async IAsyncEnumerable<HsdsService> AllAsync(ServiceSearchRequest request, bool minimal, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = request with { First = OpenReferralOptions.StreamBatchSize };
        while (true)
        {
            var page = await search.SearchAsync(next, cancellationToken);
            foreach (var service in await loader.ServicesAsync(page.Hits.Select(h => h.Id).ToList(), minimal, cancellationToken))
            {
                yield return service;
            }

            if (!page.HasNextPage || page.Hits.Count == 0)
            {
                yield break;
            }

            next = next with { After = page.Hits[^1].Cursor };
        }
    }
}
