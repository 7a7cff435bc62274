using Signpost.Geo;
using Signpost.Site.Api;

namespace Signpost.Site;

/// <summary>
/// The directory as the site presents it: services with their page addresses, and the
/// organisations, categories and towns that group them. Everything is in a fixed order so the
/// same data always gives the same bytes.
/// </summary>
public sealed class SiteModel
{
    public required SiteOptions Options { get; init; }
    public required IReadOnlyList<ServiceEntry> Services { get; init; }
    public required IReadOnlyList<OrganizationEntry> Organizations { get; init; }
    public required IReadOnlyList<CategoryEntry> Categories { get; init; }
    public required IReadOnlyList<AreaEntry> Areas { get; init; }
    public required ReferenceData Reference { get; init; }

    /// <summary>The day of the build in the UK: listings not checked for a year before it say so.</summary>
    public DateOnly Today => Options.Today ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/London"));

    /// <summary>The map pages may offer when asked; null when the build has none.</summary>
    public MapSettings? Map { get; init; }

    /// <summary>
    /// Each town's services for each broad need it has any for, by town then need, each broad need
    /// followed by the specific needs its page offers (<see cref="NarrowerNeedsIn"/>).
    /// </summary>
    public IReadOnlyList<AreaNeedEntry> AreaNeeds { get; init; } = [];

    private ILookup<string, AreaNeedEntry>? _needsByTown;

    /// <summary>The broad needs a town's page can be narrowed to, in the order of <see cref="AreaNeeds"/>.</summary>
    public IEnumerable<AreaNeedEntry> NeedsIn(AreaEntry town) => ByTown(town).Where(n => n.Need.Parent is null);

    /// <summary>The specific needs a town's page for a broad need can be narrowed to further (see <see cref="NarrowerNeedsFrom"/>).</summary>
    public IEnumerable<AreaNeedEntry> NarrowerNeedsIn(AreaEntry town, CategoryEntry need) =>
        ByTown(town).Where(n => n.Need.Parent is { } parent && parent.Code == need.Category.Code);

    private IEnumerable<AreaNeedEntry> ByTown(AreaEntry town) =>
        (_needsByTown ??= AreaNeeds.ToLookup(n => n.Town.Url, StringComparer.Ordinal))[town.Url];

    /// <summary>
    /// A town's page for a broad need links to its specific needs when it lists more services than
    /// this: a short list is read faster than a choice.
    /// </summary>
    public const int NarrowerNeedsFrom = 10;

    /// <summary>The postcode districts with a service within 25 miles, by outcode: pages that find services without JavaScript.</summary>
    public IReadOnlyList<DistrictEntry> Districts { get; init; } = [];

    /// <summary>The newest change to any listing: the feed's date, so an unchanged directory gives an unchanged feed.</summary>
    public DateTimeOffset LastModified => Services.Count == 0 ? DateTimeOffset.UnixEpoch : Services.Max(s => s.Service.LastModified);

    public static SiteModel From(ReferenceData reference, IReadOnlyList<Service> services, SiteOptions options, MapSettings? map = null)
    {
        var serviceEntries = services
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new ServiceEntry(s, SiteUrls.Service(s.Name, s.Id), Towns(s)))
            .ToList();

        var organizations = serviceEntries
            .GroupBy(s => s.Service.Organization.Id, StringComparer.Ordinal)
            .Select(g => new OrganizationEntry(g.First().Service.Organization, SiteUrls.Organization(g.First().Service.Organization.Name, g.Key), g.ToList()))
            .OrderBy(o => o.Organization.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Organization.Id, StringComparer.Ordinal)
            .ToList();

        var byCategory = serviceEntries
            .SelectMany(s => s.Service.Categories.Select(c => (c.Code, Page: s)))
            .ToLookup(x => x.Code, x => x.Page, StringComparer.Ordinal);
        var categories = new List<CategoryEntry>();
        foreach (var root in reference.Categories.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            var children = (root.Children ?? []).OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .Select(child => new CategoryEntry(child, root, SiteUrls.Category(child.Code), [], byCategory[child.Code].ToList()))
                .ToList();
            // A broad need lists its own services and every narrower one's, once each, in name order.
            var all = byCategory[root.Code].Concat(children.SelectMany(c => c.Services)).Distinct()
                .OrderBy(s => s.Service.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Service.Id, StringComparer.Ordinal).ToList();
            categories.Add(new CategoryEntry(root, null, SiteUrls.Category(root.Code), children, all));
            categories.AddRange(children);
        }

        var reaching = serviceEntries.Select(s => (Entry: s, Areas: AreaRings.Of(s.Service))).Where(s => s.Areas.Count > 0).ToList();
        var areas = serviceEntries
            .SelectMany(s => s.Towns.Select(t => (Town: t, Page: s)))
            .GroupBy(x => SiteUrls.Slug(x.Town), StringComparer.Ordinal)
            .Select(g =>
            {
                var located = g.Select(x => x.Page).Distinct().ToList();
                return new AreaEntry(g.First().Town, SiteUrls.Area(g.First().Town), located, AlsoServing(g.Key, located, reaching));
            })
            .OrderBy(a => a.Town, StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new SiteModel
        {
            Options = options, Services = serviceEntries, Organizations = organizations,
            Categories = categories, Areas = areas, Reference = reference, Map = map,
            AreaNeeds = ByNeed(areas, categories),
            Districts = NearestToDistricts.Run(reference.PostcodeDistricts, serviceEntries),
        };
    }

    /// <summary>
    /// A town's listing narrowed to each broad need (which includes its narrower needs), both
    /// groups kept in their order; needs with no service there are left out. A broad need listing
    /// more than <see cref="NarrowerNeedsFrom"/> services is followed by its specific needs, each
    /// narrowed the same way, leaving out those with no service there and those that would list
    /// exactly what the broad need does.
    /// </summary>
    private static IReadOnlyList<AreaNeedEntry> ByNeed(List<AreaEntry> areas, List<CategoryEntry> categories)
    {
        var needs = categories.Where(c => c.Parent is null)
            .Select(c => (Need: c, Codes: c.Children.Select(x => x.Category.Code).Append(c.Category.Code).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        return areas.SelectMany(area => needs.SelectMany(n =>
            {
                var broad = Narrowed(area, n.Need, n.Codes);
                if (broad.Listing.ListedCount == 0)
                {
                    return [];
                }

                var specific = broad.Listing.ListedCount <= NarrowerNeedsFrom ? [] : n.Need.Children
                    .Select(child => Narrowed(area, child, new HashSet<string>(StringComparer.Ordinal) { child.Category.Code }))
                    .Where(x => x.Listing.ListedCount > 0 && x.Listing.ListedCount < broad.Listing.ListedCount);
                return specific.Prepend(broad);
            }))
            .ToList();
    }

    /// <summary>The town's two groups narrowed to the services filed under any of <paramref name="codes"/>.</summary>
    private static AreaNeedEntry Narrowed(AreaEntry area, CategoryEntry need, HashSet<string> codes)
    {
        bool Meets(ServiceEntry s) => s.Service.Categories.Any(c => codes.Contains(c.Code));
        var listing = new AreaEntry(area.Town, SiteUrls.AreaNeed(area.Town, need.Category.Code),
            area.Services.Where(Meets).ToList(), area.AlsoServing.Where(Meets).ToList());
        return new AreaNeedEntry(area, need, listing);
    }

    /// <summary>
    /// The services a town's page lists after its own: those whose service area covers the town's
    /// centre and that have no place in it, nearest place to the centre first (none last), then
    /// by name, as the browser search orders services at the same distance.
    /// </summary>
    private static IReadOnlyList<ServiceEntry> AlsoServing(string townSlug, List<ServiceEntry> located, List<(ServiceEntry Entry, List<AreaRings> Areas)> reaching)
    {
        if (Centre(townSlug, located) is not { } centre)
        {
            return [];
        }

        var inTown = located.Select(s => s.Service.Id).ToHashSet(StringComparer.Ordinal);
        return reaching
            .Where(r => !inTown.Contains(r.Entry.Service.Id) && r.Areas.Any(a => a.Covers(centre.Latitude, centre.Longitude)))
            .Select(r => (r.Entry, Km: NearestKm(r.Entry.Service, centre)))
            .OrderBy(r => r.Km ?? double.PositiveInfinity)
            .ThenBy(r => r.Entry.Service.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Entry.Service.Id, StringComparer.Ordinal)
            .Select(r => r.Entry)
            .ToList();
    }

    /// <summary>
    /// The mean of the town's places (each place once, so a hall with many services does not pull
    /// the centre towards it); null when none of them is on the map.
    /// </summary>
    private static GeoPoint? Centre(string townSlug, List<ServiceEntry> located)
    {
        var places = located
            .SelectMany(s => s.Service.Locations)
            .Where(l => l.LocationType == "PHYSICAL" && l.Address is { City.Length: > 0 } && SiteUrls.Slug(l.Address.City.Trim()) == townSlug)
            .Where(l => l.Latitude is not null && l.Longitude is not null)
            .Select(l => (Lat: l.Latitude!.Value, Lon: l.Longitude!.Value))
            .Distinct()
            .ToList();
        return places.Count == 0 ? null : new GeoPoint(places.Average(p => p.Lat), places.Average(p => p.Lon));
    }

    private static double? NearestKm(Service service, GeoPoint from) =>
        service.Locations.Where(l => l.Latitude is not null && l.Longitude is not null)
            .Select(l => (double?)GreatCircle.DistanceKm(from, new GeoPoint(l.Latitude!.Value, l.Longitude!.Value)))
            .Min();

    private static IReadOnlyList<string> Towns(Service service) =>
        service.Locations
            .Where(l => l.LocationType == "PHYSICAL" && l.Address is { City.Length: > 0 })
            .Select(l => l.Address!.City.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
}

public sealed record ServiceEntry(Service Service, string Url, IReadOnlyList<string> Towns);

public sealed record OrganizationEntry(Organization Organization, string Url, IReadOnlyList<ServiceEntry> Services);

/// <summary>A need and its services; a broad need (no parent) lists its narrower needs' services too.</summary>
public sealed record CategoryEntry(Category Category, Category? Parent, string Url, IReadOnlyList<CategoryEntry> Children, IReadOnlyList<ServiceEntry> Services);

/// <summary>A town's services for one broad or specific need (<paramref name="Listing"/>: the town's two groups, narrowed).</summary>
public sealed record AreaNeedEntry(AreaEntry Town, CategoryEntry Need, AreaEntry Listing);

/// <summary>
/// A town: the services with a place in it (<paramref name="Services"/>), then the services that
/// reach it only through a service area covering its centre (<paramref name="AlsoServing"/>).
/// </summary>
public sealed record AreaEntry(string Town, string Url, IReadOnlyList<ServiceEntry> Services, IReadOnlyList<ServiceEntry> AlsoServing)
{
    /// <summary>Every service the town's pages list, both groups together.</summary>
    public int ListedCount => Services.Count + AlsoServing.Count;
}
