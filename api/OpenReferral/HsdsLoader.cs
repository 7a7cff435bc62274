using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral;

/// <summary>
/// Loads pages of public records as HSDS, fully nested, with one query per kind of child whatever
/// the page size: a page costs a constant number of SQL commands.
/// </summary>
public sealed partial class HsdsLoader(DirectoryDbContext db)
{
    /// <summary>Only running services are public: active or temporarily closed, never inactive or defunct.</summary>
    public IQueryable<Service> ListedServices =>
        db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed);

    /// <summary>Organisations that run at least one listed service: the others are not public.</summary>
    public IQueryable<Organization> PublicOrganizations =>
        db.Organizations.AsNoTracking().Where(o => ListedServices.Any(s => s.OrganizationId == o.Id));

    /// <summary>The listed services among <paramref name="ids"/>, in that order.</summary>
    public async Task<IReadOnlyList<HsdsService>> ServicesAsync(IReadOnlyList<Guid> ids, bool minimal, CancellationToken cancellationToken)
    {
        var services = await ListedServices.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var ordered = ids.Where(services.ContainsKey).Select(id => services[id]).ToList();
        if (minimal || ordered.Count == 0)
        {
            return ordered.Select(s => s.ToHsdsBasics()).ToList();
        }

        var serviceIds = ordered.Select(s => s.Id).ToList();
        var nullableServiceIds = serviceIds.Select(id => (Guid?)id).ToList();
        var organizationIds = ordered.Select(s => s.OrganizationId).Distinct().ToList();

        var organizations = await OrganizationsWithContactsAsync(organizationIds, cancellationToken);
        var links = await db.ServiceAtLocations.AsNoTracking()
            .Where(l => serviceIds.Contains(l.ServiceId)).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var locations = await LocationsAsync(links.Select(l => l.LocationId).Distinct().ToList(), cancellationToken);
        var phones = await db.Phones.AsNoTracking()
            .Where(p => nullableServiceIds.Contains(p.ServiceId)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking()
            .Where(s => nullableServiceIds.Contains(s.ServiceId)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var areas = await db.ServiceAreas.AsNoTracking()
            .Where(a => serviceIds.Contains(a.ServiceId)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var languages = await db.Languages.AsNoTracking()
            .Where(l => nullableServiceIds.Contains(l.ServiceId)).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var costs = await db.CostOptions.AsNoTracking()
            .Where(c => serviceIds.Contains(c.ServiceId)).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var contacts = await ContactsAsync(c => nullableServiceIds.Contains(c.ServiceId), cancellationToken);
        var attributes = await AttributesAsync(serviceIds, cancellationToken);

        return ordered.Select(s => s.ToHsdsBasics() with
        {
            Organization = organizations.GetValueOrDefault(s.OrganizationId),
            Phones = phones.Where(p => p.ServiceId == s.Id).Select(p => p.ToHsds()).ToList(),
            Schedules = schedules.Where(x => x.ServiceId == s.Id).Select(x => x.ToHsds()).ToList(),
            ServiceAreas = areas.Where(a => a.ServiceId == s.Id).Select(a => a.ToHsds()).ToList(),
            ServiceAtLocations = links.Where(l => l.ServiceId == s.Id).Select(l => ToHsds(l, locations)).ToList(),
            Languages = languages.Where(l => l.ServiceId == s.Id).Select(l => l.ToHsds()).ToList(),
            CostOptions = costs.Where(c => c.ServiceId == s.Id).Select(c => c.ToHsds()).ToList(),
            Contacts = contacts.Where(c => c.ServiceId == s.Id).ToList(),
            Attributes = attributes.Where(a => a.LinkId == s.Id).ToList(),
        }).ToList();
    }

    /// <summary>
    /// Links of listed services among <paramref name="ids"/>, in that order, each with its location;
    /// with <paramref name="full"/>, each with its service fully nested too (as
    /// <c>service_at_location_full.json</c> has it: the service without its own list of links).
    /// </summary>
    public async Task<IReadOnlyList<HsdsServiceAtLocation>> ServiceAtLocationsAsync(IReadOnlyList<Guid> ids, bool full, CancellationToken cancellationToken)
    {
        var links = await db.ServiceAtLocations.AsNoTracking()
            .Where(l => ids.Contains(l.Id) && ListedServices.Any(s => s.Id == l.ServiceId))
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var locations = await LocationsAsync(links.Values.Select(l => l.LocationId).Distinct().ToList(), cancellationToken);
        var services = full
            ? (await ServicesAsync(links.Values.Select(l => l.ServiceId).Distinct().ToList(), minimal: false, cancellationToken)).ToDictionary(s => s.Id)
            : [];
        return ids.Where(links.ContainsKey).Select(id => ToHsds(links[id], locations) with
        {
            Service = services.GetValueOrDefault(links[id].ServiceId) is { } service ? service with { ServiceAtLocations = null } : null,
        }).ToList();
    }

    private static HsdsServiceAtLocation ToHsds(ServiceAtLocation link, IReadOnlyDictionary<Guid, HsdsLocation> locations) => new()
    {
        Id = link.Id,
        ServiceId = link.ServiceId,
        LocationId = link.LocationId,
        Description = link.Description,
        Location = locations.GetValueOrDefault(link.LocationId),
    };

    private async Task<IReadOnlyDictionary<Guid, HsdsLocation>> LocationsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var nullableIds = ids.Select(id => (Guid?)id).ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => ids.Contains(l.Id)).ToListAsync(cancellationToken);
        var addresses = await db.Addresses.AsNoTracking()
            .Where(a => ids.Contains(a.LocationId)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var accessibility = await db.Accessibility.AsNoTracking()
            .Where(a => ids.Contains(a.LocationId)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var phones = await db.Phones.AsNoTracking()
            .Where(p => nullableIds.Contains(p.LocationId)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var languages = await db.Languages.AsNoTracking()
            .Where(l => nullableIds.Contains(l.LocationId)).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var schedules = await db.Schedules.AsNoTracking()
            .Where(s => nullableIds.Contains(s.LocationId)).OrderBy(s => s.Id).ToListAsync(cancellationToken);

        return locations.ToDictionary(l => l.Id, l => new HsdsLocation
        {
            Id = l.Id,
            LocationType = l.LocationType.ToHsds(),
            OrganizationId = l.OrganizationId,
            Name = l.Name,
            AlternateName = l.AlternateName,
            Description = l.Description,
            Transportation = l.Transportation,
            Latitude = l.Latitude,
            Longitude = l.Longitude,
            ExternalIdentifier = l.ExternalIdentifier,
            Addresses = addresses.Where(a => a.LocationId == l.Id).Select(a => a.ToHsds()).ToList(),
            Accessibility = accessibility.Where(a => a.LocationId == l.Id).Select(a => a.ToHsds()).ToList(),
            Phones = phones.Where(p => p.LocationId == l.Id).Select(p => p.ToHsds()).ToList(),
            Languages = languages.Where(x => x.LocationId == l.Id).Select(x => x.ToHsds()).ToList(),
            Schedules = schedules.Where(s => s.LocationId == l.Id).Select(s => s.ToHsds()).ToList(),
        });
    }

    private async Task<List<HsdsContact>> ContactsAsync(System.Linq.Expressions.Expression<Func<Contact, bool>> filter, CancellationToken cancellationToken)
    {
        var contacts = await db.Contacts.AsNoTracking().Where(filter).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var contactIds = contacts.Select(c => (Guid?)c.Id).ToList();
        // Queried even when there are no contacts, so every page costs the same commands.
        var phones = await db.Phones.AsNoTracking()
            .Where(p => contactIds.Contains(p.ContactId)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return contacts.Select(c => new HsdsContact
        {
            Id = c.Id,
            OrganizationId = c.OrganizationId,
            ServiceId = c.ServiceId,
            Name = c.Name,
            Title = c.Title,
            Department = c.Department,
            Email = c.Email,
            Phones = phones.Where(p => p.ContactId == c.Id).Select(p => p.ToHsds()).ToList(),
        }).ToList();
    }

    private async Task<List<HsdsAttribute>> AttributesAsync(List<Guid> serviceIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in db.Attributes.AsNoTracking()
            where serviceIds.Contains(a.LinkId) && a.LinkEntity == ServiceAttribute.ServiceEntity
            join t in db.TaxonomyTerms.AsNoTracking() on a.TaxonomyTermId equals t.Id
            join x in db.Taxonomies.AsNoTracking() on t.TaxonomyId equals x.Id into schemes
            from x in schemes.DefaultIfEmpty()
            orderby a.Id
            select new { Attribute = a, Term = t, Taxonomy = x }).ToListAsync(cancellationToken);
        return rows.Select(r => new HsdsAttribute
        {
            Id = r.Attribute.Id,
            LinkId = r.Attribute.LinkId,
            LinkEntity = r.Attribute.LinkEntity,
            LinkType = r.Attribute.LinkType,
            TaxonomyTermId = r.Attribute.TaxonomyTermId,
            Value = r.Attribute.Value,
            TaxonomyTerm = r.Term.ToHsds(r.Taxonomy),
        }).ToList();
    }
}
