using Microsoft.EntityFrameworkCore;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral;

/// <summary>How an organisation record nests the services it runs.</summary>
public enum NestedServices
{
    /// <summary>Each listed service's own fields, as <c>GET /organizations/{id}</c> has them.</summary>
    OwnFields,
    /// <summary>Each listed service fully nested (ORUK <c>full_service</c>).</summary>
    Full,
}

public sealed partial class HsdsLoader
{
    /// <summary>
    /// The public organisations among <paramref name="ids"/>, in that order, with their phones and
    /// contacts and, as <paramref name="services"/> says, their listed services ordered by id.
    /// Full services are capped by the caller: this loads whatever the organisations run.
    /// </summary>
    public async Task<IReadOnlyList<HsdsOrganization>> OrganizationsAsync(IReadOnlyList<Guid> ids, NestedServices services, CancellationToken cancellationToken)
    {
        var idList = ids.ToList();
        var organizations = await OrganizationsWithContactsAsync(idList, cancellationToken);
        var run = ListedServices.Where(s => idList.Contains(s.OrganizationId)).OrderBy(s => s.Id);
        var nested = services == NestedServices.Full
            // The organisation is not repeated inside each of its services.
            ? (await ServicesAsync(await run.Select(s => s.Id).ToListAsync(cancellationToken), minimal: false, cancellationToken))
                .Select(s => s with { Organization = null }).ToList()
            : (await run.ToListAsync(cancellationToken)).Select(s => s.ToHsdsBasics()).ToList();

        return ids.Where(organizations.ContainsKey).Select(id => organizations[id] with
        {
            Services = nested.Where(s => s.OrganizationId == id).ToList(),
        }).ToList();
    }

    /// <summary>Public organisations by id, each with its own phones and contacts: four commands whatever their number.</summary>
    private async Task<Dictionary<Guid, HsdsOrganization>> OrganizationsWithContactsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var nullableIds = ids.Select(id => (Guid?)id).ToList();
        var organizations = await PublicOrganizations.Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        var phones = await db.Phones.AsNoTracking()
            .Where(p => nullableIds.Contains(p.OrganizationId)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var contacts = await ContactsAsync(c => nullableIds.Contains(c.OrganizationId), cancellationToken);
        return organizations.ToDictionary(o => o.Id, o => o.ToHsds() with
        {
            Phones = phones.Where(p => p.OrganizationId == o.Id).Select(p => p.ToHsds()).ToList(),
            Contacts = contacts.Where(c => c.OrganizationId == o.Id).ToList(),
        });
    }
}
