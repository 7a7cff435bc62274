using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.GraphQL.Loading;

/// <summary>The batch loaders for one request: each child list of a type is one query per page.</summary>
public sealed class DirectoryLoaders(DirectoryDbContext db)
{
    private BatchLoader<Guid, Organization?>? _organizations;
    private BatchLoader<Guid, Service?>? _services;
    private BatchLoader<Guid, IReadOnlyList<Signpost.Moderation.AuditEntry>>? _historyByService;
    private BatchLoader<Guid, IReadOnlyList<Service>>? _servicesByOrganization;
    private BatchLoader<Guid, IReadOnlyList<Location>>? _locationsByService;
    private BatchLoader<Guid, IReadOnlyList<Location>>? _locationsByOrganization;
    private BatchLoader<Guid, IReadOnlyList<TaxonomyTerm>>? _categoriesByService;
    private BatchLoader<Guid, IReadOnlyList<Schedule>>? _schedulesByService;
    private BatchLoader<Guid, IReadOnlyList<ServiceArea>>? _areasByService;
    private BatchLoader<Guid, IReadOnlyList<CostOption>>? _costsByService;
    private BatchLoader<Guid, IReadOnlyList<Language>>? _languagesByService;
    private BatchLoader<Guid, IReadOnlyList<Phone>>? _phonesByService;
    private BatchLoader<Guid, IReadOnlyList<Phone>>? _phonesByOrganization;
    private BatchLoader<Guid, IReadOnlyList<Phone>>? _phonesByLocation;
    private BatchLoader<Guid, IReadOnlyList<Phone>>? _phonesByContact;
    private BatchLoader<Guid, IReadOnlyList<Contact>>? _contactsByService;
    private BatchLoader<Guid, IReadOnlyList<Address>>? _addressesByLocation;
    private BatchLoader<Guid, IReadOnlyList<Accessibility>>? _accessibilityByLocation;
    private BatchLoader<Guid, IReadOnlyList<Accessibility>>? _accessibilityByService;

    public IDataLoaderResult<Organization?> Organization(Guid id) =>
        (_organizations ??= new(async (keys, ct) =>
            await db.Organizations.Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (Organization?)o, ct), null)).Load(id);

    public IDataLoaderResult<Service?> Service(Guid id) =>
        (_services ??= new(async (keys, ct) =>
            await db.Services.Where(s => keys.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (Service?)s, ct), null)).Load(id);

    /// <summary>A listing's audit trail, newest first.</summary>
    public IDataLoaderResult<IReadOnlyList<Signpost.Moderation.AuditEntry>> HistoryOf(Service service) =>
        (_historyByService ??= Many(keys => db.AuditEntries
            .Where(a => keys.Contains(a.ServiceId))
            .OrderByDescending(a => a.Id)
            .Select(a => new Keyed<Signpost.Moderation.AuditEntry>(a.ServiceId, a)))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Service>> ServicesOf(Organization organization) =>
        (_servicesByOrganization ??= Many(keys => db.Services
            .Where(s => keys.Contains(s.OrganizationId) && (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed))
            .OrderBy(s => s.Name)
            .Select(s => new Keyed<Service>(s.OrganizationId, s)))).Load(organization.Id);

    public IDataLoaderResult<IReadOnlyList<Location>> LocationsOf(Service service) =>
        (_locationsByService ??= Many(keys =>
            from sal in db.ServiceAtLocations
            where keys.Contains(sal.ServiceId)
            join l in db.Locations on sal.LocationId equals l.Id
            orderby l.Name
            select new Keyed<Location>(sal.ServiceId, l))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Location>> LocationsOf(Organization organization) =>
        (_locationsByOrganization ??= Many(keys => db.Locations
            .Where(l => l.OrganizationId != null && keys.Contains(l.OrganizationId.Value))
            .OrderBy(l => l.Name)
            .Select(l => new Keyed<Location>(l.OrganizationId!.Value, l)))).Load(organization.Id);

    public IDataLoaderResult<IReadOnlyList<TaxonomyTerm>> CategoriesOf(Service service) =>
        (_categoriesByService ??= Many(keys =>
            from a in db.Attributes
            where keys.Contains(a.LinkId)
            join t in db.TaxonomyTerms on a.TaxonomyTermId equals t.Id
            where t.TaxonomyId == null || db.Taxonomies.Any(x => x.Id == t.TaxonomyId && x.ImportedFrom == null) // categories only, not imported terms
            orderby t.Name
            select new Keyed<TaxonomyTerm>(a.LinkId, t))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Schedule>> SchedulesOf(Service service) =>
        (_schedulesByService ??= Many(keys => db.Schedules
            .Where(s => s.ServiceId != null && keys.Contains(s.ServiceId.Value))
            .Select(s => new Keyed<Schedule>(s.ServiceId!.Value, s)))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<ServiceArea>> ServiceAreasOf(Service service) =>
        (_areasByService ??= Many(keys => db.ServiceAreas
            .Where(a => keys.Contains(a.ServiceId))
            .Select(a => new Keyed<ServiceArea>(a.ServiceId, a)))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<CostOption>> CostOptionsOf(Service service) =>
        (_costsByService ??= Many(keys => db.CostOptions
            .Where(c => keys.Contains(c.ServiceId))
            .Select(c => new Keyed<CostOption>(c.ServiceId, c)))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Language>> LanguagesOf(Service service) =>
        (_languagesByService ??= Many(keys => db.Languages
            .Where(l => l.ServiceId != null && keys.Contains(l.ServiceId.Value))
            .Select(l => new Keyed<Language>(l.ServiceId!.Value, l)))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Service service) =>
        (_phonesByService ??= Many(keys => db.Phones
            .Where(p => p.ServiceId != null && keys.Contains(p.ServiceId.Value))
            .Select(p => new Keyed<Phone>(p.ServiceId!.Value, p)))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Organization organization) =>
        (_phonesByOrganization ??= Many(keys => db.Phones
            .Where(p => p.OrganizationId != null && keys.Contains(p.OrganizationId.Value))
            .Select(p => new Keyed<Phone>(p.OrganizationId!.Value, p)))).Load(organization.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Location location) =>
        (_phonesByLocation ??= Many(keys => db.Phones
            .Where(p => p.LocationId != null && keys.Contains(p.LocationId.Value))
            .Select(p => new Keyed<Phone>(p.LocationId!.Value, p)))).Load(location.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Contact contact) =>
        (_phonesByContact ??= Many(keys => db.Phones
            .Where(p => p.ContactId != null && keys.Contains(p.ContactId.Value))
            .Select(p => new Keyed<Phone>(p.ContactId!.Value, p)))).Load(contact.Id);

    public IDataLoaderResult<IReadOnlyList<Contact>> ContactsOf(Service service) =>
        (_contactsByService ??= Many(keys => db.Contacts
            .Where(c => c.ServiceId != null && keys.Contains(c.ServiceId.Value))
            .Select(c => new Keyed<Contact>(c.ServiceId!.Value, c)))).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Address>> AddressesOf(Location location) =>
        (_addressesByLocation ??= Many(keys => db.Addresses
            .Where(a => keys.Contains(a.LocationId))
            .Select(a => new Keyed<Address>(a.LocationId, a)))).Load(location.Id);

    public IDataLoaderResult<IReadOnlyList<Accessibility>> AccessibilityOf(Location location) =>
        (_accessibilityByLocation ??= Many(keys => db.Accessibility
            .Where(a => keys.Contains(a.LocationId))
            .Select(a => new Keyed<Accessibility>(a.LocationId, a)))).Load(location.Id);

    public IDataLoaderResult<IReadOnlyList<Accessibility>> AccessibilityOf(Service service) =>
        (_accessibilityByService ??= Many(keys =>
            from sal in db.ServiceAtLocations
            where keys.Contains(sal.ServiceId)
            join a in db.Accessibility on sal.LocationId equals a.LocationId
            select new Keyed<Accessibility>(sal.ServiceId, a))).Load(service.Id);

    private static BatchLoader<Guid, IReadOnlyList<T>> Many<T>(Func<IReadOnlyCollection<Guid>, IQueryable<Keyed<T>>> query) =>
        new(async (keys, ct) =>
        {
            var rows = await query(keys).ToListAsync(ct);
            return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<T>)g.Select(r => r.Value).ToList());
        }, []);

    private sealed record Keyed<T>(Guid Key, T Value);
}
