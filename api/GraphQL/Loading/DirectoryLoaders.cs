using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.GraphQL.Loading;

/// <summary>The batch loaders for one request: each child list of a type is one query per page.</summary>
public sealed class DirectoryLoaders(DirectoryDbContext db)
{
    private BatchLoader<Guid, Organization?>? _organizations;
    private BatchLoader<Guid, Service?>? _services;
    private BatchLoader<Guid, Service?>? _changeableServices;
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
            await ByIdAsync(OrganizationsQuery.Run(db, keys.ToArray()), o => o.Id, ct), null)).Load(id);

    public IDataLoaderResult<Service?> Service(Guid id) =>
        (_services ??= new(async (keys, ct) =>
            await ByIdAsync(ServicesQuery.Run(db, keys.ToArray()), s => s.Id, ct), null)).Load(id);

    /// <summary>A listing with everything a suggestion may change (its phones, schedules and places' addresses), for the moderation diff.</summary>
    public IDataLoaderResult<Service?> ServiceWithChangeableParts(Guid id) =>
        (_changeableServices ??= new(async (keys, ct) =>
            await ByIdAsync(Signpost.Submissions.ServiceChanges.WithChangeableParts(db.Services).AsSplitQuery().Where(s => keys.Contains(s.Id)).AsAsyncEnumerable(), s => s.Id, ct), null)).Load(id);

    /// <summary>A listing's audit trail, newest first.</summary>
    public IDataLoaderResult<IReadOnlyList<Signpost.Moderation.AuditEntry>> HistoryOf(Service service) =>
        (_historyByService ??= Many(HistoryByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Service>> ServicesOf(Organization organization) =>
        (_servicesByOrganization ??= Many(ServicesByOrganizationQuery)).Load(organization.Id);

    public IDataLoaderResult<IReadOnlyList<Location>> LocationsOf(Service service) =>
        (_locationsByService ??= Many(LocationsByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Location>> LocationsOf(Organization organization) =>
        (_locationsByOrganization ??= Many(LocationsByOrganizationQuery)).Load(organization.Id);

    public IDataLoaderResult<IReadOnlyList<TaxonomyTerm>> CategoriesOf(Service service) =>
        (_categoriesByService ??= Many(CategoriesByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Schedule>> SchedulesOf(Service service) =>
        (_schedulesByService ??= Many(SchedulesByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<ServiceArea>> ServiceAreasOf(Service service) =>
        (_areasByService ??= Many(AreasByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<CostOption>> CostOptionsOf(Service service) =>
        (_costsByService ??= Many(CostsByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Language>> LanguagesOf(Service service) =>
        (_languagesByService ??= Many(LanguagesByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Service service) =>
        (_phonesByService ??= Many(PhonesByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Organization organization) =>
        (_phonesByOrganization ??= Many(PhonesByOrganizationQuery)).Load(organization.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Location location) =>
        (_phonesByLocation ??= Many(PhonesByLocationQuery)).Load(location.Id);

    public IDataLoaderResult<IReadOnlyList<Phone>> PhonesOf(Contact contact) =>
        (_phonesByContact ??= Many(PhonesByContactQuery)).Load(contact.Id);

    public IDataLoaderResult<IReadOnlyList<Contact>> ContactsOf(Service service) =>
        (_contactsByService ??= Many(ContactsByServiceQuery)).Load(service.Id);

    public IDataLoaderResult<IReadOnlyList<Address>> AddressesOf(Location location) =>
        (_addressesByLocation ??= Many(AddressesByLocationQuery)).Load(location.Id);

    public IDataLoaderResult<IReadOnlyList<Accessibility>> AccessibilityOf(Location location) =>
        (_accessibilityByLocation ??= Many(AccessibilityByLocationQuery)).Load(location.Id);

    public IDataLoaderResult<IReadOnlyList<Accessibility>> AccessibilityOf(Service service) =>
        (_accessibilityByService ??= Many(AccessibilityByServiceQuery)).Load(service.Id);

    private BatchLoader<Guid, IReadOnlyList<T>> Many<T>(CompiledQuery<Guid[], Keyed<T>> query) =>
        new(async (keys, ct) =>
        {
            var byKey = new Dictionary<Guid, IReadOnlyList<T>>();
            await foreach (var row in query.Run(db, keys.ToArray()).WithCancellation(ct))
            {
                if (!byKey.TryGetValue(row.Key, out var list))
                {
                    byKey[row.Key] = list = new List<T>();
                }

                ((List<T>)list).Add(row.Value);
            }

            return byKey;
        }, []);

    private static async Task<IReadOnlyDictionary<Guid, T?>> ByIdAsync<T>(IAsyncEnumerable<T> rows, Func<T, Guid> key, CancellationToken cancellationToken)
        where T : class
    {
        var result = new Dictionary<Guid, T?>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            result[key(row)] = row;
        }

        return result;
    }

    // Each query is compiled once (per model; see CompiledQuery): translating a LINQ expression tree on every request
    // was the largest single cost of a results page (a third of a near-me request at 1,000,000
    // services, more than the search itself).
    private static readonly CompiledQuery<Guid[], Organization> OrganizationsQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Organizations.Where(o => keys.Contains(o.Id)));

    private static readonly CompiledQuery<Guid[], Service> ServicesQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Services.Where(s => keys.Contains(s.Id)));

    private static readonly CompiledQuery<Guid[], Keyed<Signpost.Moderation.AuditEntry>> HistoryByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.AuditEntries
            .Where(a => keys.Contains(a.ServiceId))
            .OrderByDescending(a => a.Id)
            .Select(a => new Keyed<Signpost.Moderation.AuditEntry>(a.ServiceId, a)));

    private static readonly CompiledQuery<Guid[], Keyed<Service>> ServicesByOrganizationQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Services
            .Where(s => keys.Contains(s.OrganizationId) && (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed))
            .OrderBy(s => s.Name)
            .Select(s => new Keyed<Service>(s.OrganizationId, s)));

    private static readonly CompiledQuery<Guid[], Keyed<Location>> LocationsByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) =>
            from sal in db.ServiceAtLocations
            where keys.Contains(sal.ServiceId)
            join l in db.Locations on sal.LocationId equals l.Id
            orderby l.Name
            select new Keyed<Location>(sal.ServiceId, l));

    private static readonly CompiledQuery<Guid[], Keyed<Location>> LocationsByOrganizationQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Locations
            .Where(l => l.OrganizationId != null && keys.Contains(l.OrganizationId.Value))
            .OrderBy(l => l.Name)
            .Select(l => new Keyed<Location>(l.OrganizationId!.Value, l)));

    private static readonly CompiledQuery<Guid[], Keyed<TaxonomyTerm>> CategoriesByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) =>
            from a in db.Attributes
            where keys.Contains(a.LinkId)
            join t in db.TaxonomyTerms on a.TaxonomyTermId equals t.Id
            where t.TaxonomyId == null || db.Taxonomies.Any(x => x.Id == t.TaxonomyId && x.ImportedFrom == null) // categories only, not imported terms
            orderby t.Name
            select new Keyed<TaxonomyTerm>(a.LinkId, t));

    private static readonly CompiledQuery<Guid[], Keyed<Schedule>> SchedulesByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Schedules
            .Where(s => s.ServiceId != null && keys.Contains(s.ServiceId.Value))
            .Select(s => new Keyed<Schedule>(s.ServiceId!.Value, s)));

    private static readonly CompiledQuery<Guid[], Keyed<ServiceArea>> AreasByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.ServiceAreas
            .Where(a => keys.Contains(a.ServiceId))
            .Select(a => new Keyed<ServiceArea>(a.ServiceId, a)));

    private static readonly CompiledQuery<Guid[], Keyed<CostOption>> CostsByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.CostOptions
            .Where(c => keys.Contains(c.ServiceId))
            .Select(c => new Keyed<CostOption>(c.ServiceId, c)));

    private static readonly CompiledQuery<Guid[], Keyed<Language>> LanguagesByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Languages
            .Where(l => l.ServiceId != null && keys.Contains(l.ServiceId.Value))
            .Select(l => new Keyed<Language>(l.ServiceId!.Value, l)));

    private static readonly CompiledQuery<Guid[], Keyed<Phone>> PhonesByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Phones
            .Where(p => p.ServiceId != null && keys.Contains(p.ServiceId.Value))
            .Select(p => new Keyed<Phone>(p.ServiceId!.Value, p)));

    private static readonly CompiledQuery<Guid[], Keyed<Phone>> PhonesByOrganizationQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Phones
            .Where(p => p.OrganizationId != null && keys.Contains(p.OrganizationId.Value))
            .Select(p => new Keyed<Phone>(p.OrganizationId!.Value, p)));

    private static readonly CompiledQuery<Guid[], Keyed<Phone>> PhonesByLocationQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Phones
            .Where(p => p.LocationId != null && keys.Contains(p.LocationId.Value))
            .Select(p => new Keyed<Phone>(p.LocationId!.Value, p)));

    private static readonly CompiledQuery<Guid[], Keyed<Phone>> PhonesByContactQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Phones
            .Where(p => p.ContactId != null && keys.Contains(p.ContactId.Value))
            .Select(p => new Keyed<Phone>(p.ContactId!.Value, p)));

    private static readonly CompiledQuery<Guid[], Keyed<Contact>> ContactsByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Contacts
            .Where(c => c.ServiceId != null && keys.Contains(c.ServiceId.Value))
            .Select(c => new Keyed<Contact>(c.ServiceId!.Value, c)));

    private static readonly CompiledQuery<Guid[], Keyed<Address>> AddressesByLocationQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Addresses
            .Where(a => keys.Contains(a.LocationId))
            .Select(a => new Keyed<Address>(a.LocationId, a)));

    private static readonly CompiledQuery<Guid[], Keyed<Accessibility>> AccessibilityByLocationQuery =
        new((DirectoryDbContext db, Guid[] keys) => db.Accessibility
            .Where(a => keys.Contains(a.LocationId))
            .Select(a => new Keyed<Accessibility>(a.LocationId, a)));

    private static readonly CompiledQuery<Guid[], Keyed<Accessibility>> AccessibilityByServiceQuery =
        new((DirectoryDbContext db, Guid[] keys) =>
            from sal in db.ServiceAtLocations
            where keys.Contains(sal.ServiceId)
            join a in db.Accessibility on sal.LocationId equals a.LocationId
            select new Keyed<Accessibility>(sal.ServiceId, a));
    private sealed record Keyed<T>(Guid Key, T Value);
}
