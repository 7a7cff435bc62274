using Microsoft.EntityFrameworkCore;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral;

public sealed partial class HsdsLoader
{
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
