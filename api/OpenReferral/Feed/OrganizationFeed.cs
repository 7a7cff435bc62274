using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// <c>/organizations</c>: the public organisations (those running a listed service), by id. With
/// any <c>/services</c> filter (<c>search</c> above all), the organisations running a matching
/// service, ordered by their best match. <c>full</c> nests each one's phones, contacts and services
/// (their own fields); <c>full_service</c> nests the services whole.
/// </summary>
public sealed class OrganizationFeed(HsdsLoader loader, ServiceFeed services, IOptions<OpenReferralOptions> options)
{
    public async Task<FeedList<HsdsOrganization>> ListAsync(FeedParameters p, bool stream, CancellationToken cancellationToken)
    {
        var nested = Nesting(p, fullByDefault: false);
        if (stream && nested == NestedServices.Full)
        {
            // A stream's records are not paged, so nothing would bound the services one batch nests.
            throw FeedError.BadParameter("full_service", "cannot be streamed (format=ndjson); stream /services instead, where each service nests its organisation");
        }

        var request = await services.RequestAsync(p, cancellationToken);
        if (!ServiceFeed.Narrows(request))
        {
            return FeedList<HsdsOrganization>.Of(loader.PublicOrganizations.OrderBy(o => o.Id).Select(o => o.Id), (ids, ct) => RecordsAsync(ids, nested, ct));
        }

        var matched = (await services.MatchingIdsAsync(request, p, cancellationToken)).ToList();
        var owners = await loader.ListedServices.Where(s => EF.Parameter(matched).Contains(s.Id))
            .Select(s => new { s.Id, s.OrganizationId }).ToDictionaryAsync(s => s.Id, s => s.OrganizationId, cancellationToken);
        // Each organisation where its first matching service comes in the search's order.
        var ordered = matched.Where(owners.ContainsKey).Select(id => owners[id]).Distinct().ToList();
        return FeedList<HsdsOrganization>.Of(ordered, (ids, ct) => RecordsAsync(ids, nested, ct));
    }

    /// <summary>One organisation, with its phones, contacts and services (whole with <c>full_service</c>), or null.</summary>
    public async Task<HsdsOrganization?> FindAsync(Guid id, FeedParameters p, CancellationToken cancellationToken) =>
        (await RecordsAsync([id], Nesting(p, fullByDefault: true), cancellationToken)).SingleOrDefault();

    /// <summary>
    /// <c>full_service</c> nests whole services; <c>full</c> (and one organisation by id) their own
    /// fields, with the organisation's phones and contacts; null for a list's plain records, the
    /// organisations' own fields only.
    /// </summary>
    private static NestedServices? Nesting(FeedParameters p, bool fullByDefault)
    {
        var fullService = p.Bool("full_service");
        var full = p.Bool("full");
        return fullService ? NestedServices.Full : full || fullByDefault ? NestedServices.OwnFields : null;
    }

    /// <summary>
    /// The records of one page or batch. Whole services are bounded as a page of <c>/services</c>
    /// is (<c>OpenReferral:MaxPerPage</c>), so memory does not depend on how much an organisation runs.
    /// </summary>
    private async Task<IReadOnlyList<HsdsOrganization>> RecordsAsync(List<Guid> ids, NestedServices? nested, CancellationToken cancellationToken)
    {
        if (nested is null)
        {
            var rows = await loader.PublicOrganizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            return ids.Where(rows.ContainsKey).Select(id => rows[id].ToHsds()).ToList();
        }

        if (nested == NestedServices.Full)
        {
            var max = options.Value.MaxPerPage;
            var count = await loader.ListedServices.CountAsync(s => ids.Contains(s.OrganizationId), cancellationToken);
            if (count > max)
            {
                throw FeedError.BadParameter("full_service", ids.Count == 1
                    ? $"this organisation runs {count:N0} services, more than the {max:N0} one answer may nest; read them from /services?organization_id={ids[0]:D}"
                    : $"the organisations on this page run {count:N0} services, more than the {max:N0} one page may nest; ask for a smaller per_page");
            }
        }

        return await loader.OrganizationsAsync(ids, nested.Value, cancellationToken);
    }
}
