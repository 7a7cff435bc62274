using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// <c>/service_at_locations</c>: every link of a listed service, by id, each with its location.
/// With any <c>/services</c> filter, the links of the matching services, in the order the search
/// gives those services (nearest first with <c>postcode</c>, best match with <c>search</c>), a
/// service's links by id. <c>full</c> nests each link's service whole too.
/// </summary>
public sealed class ServiceAtLocationFeed(DirectoryDbContext db, HsdsLoader loader, ServiceFeed services)
{
    public async Task<FeedList<HsdsServiceAtLocation>> ListAsync(FeedParameters p, CancellationToken cancellationToken)
    {
        var full = p.Bool("full");
        var request = await services.RequestAsync(p, cancellationToken);
        if (!ServiceFeed.Narrows(request))
        {
            var listed = loader.ListedServices;
            var all = db.ServiceAtLocations.AsNoTracking().Where(l => listed.Any(s => s.Id == l.ServiceId)).OrderBy(l => l.Id).Select(l => l.Id);
            return FeedList<HsdsServiceAtLocation>.Of(all, (ids, ct) => loader.ServiceAtLocationsAsync(ids, full, ct));
        }

        var matched = (await services.MatchingIdsAsync(request, p, cancellationToken)).ToList();
        var position = matched.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var links = await db.ServiceAtLocations.AsNoTracking().Where(l => EF.Parameter(matched).Contains(l.ServiceId))
            .Select(l => new { l.Id, l.ServiceId }).ToListAsync(cancellationToken);
        var ordered = links.OrderBy(l => position[l.ServiceId]).ThenBy(l => l.Id).Select(l => l.Id).ToList();
        return FeedList<HsdsServiceAtLocation>.Of(ordered, (ids, ct) => loader.ServiceAtLocationsAsync(ids, full, ct));
    }

    /// <summary>One link with its location and its service, or null.</summary>
    public async Task<HsdsServiceAtLocation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await loader.ServiceAtLocationsAsync([id], full: true, cancellationToken)).SingleOrDefault();
}
