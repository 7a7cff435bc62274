using Signpost.Geo.Postcodes;
using Signpost.OpenReferral.Hsds;
using Signpost.Search;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// <c>/services</c>: the query string becomes one <see cref="ServiceSearchRequest"/>, so the feed
/// filters with the same indexes, rules and ordering as GraphQL's <c>services</c> field.
/// </summary>
public sealed class ServiceFeed(IServiceSearch search, CategoryCatalog categories, IPostcodeLookup postcodes, HsdsLoader loader)
{
    /// <summary>The widest proximity, in metres: the search's own radius limit.</summary>
    public const int MaxProximityMetres = (int)(SearchLimits.MaxRadiusKm * 1000);

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
