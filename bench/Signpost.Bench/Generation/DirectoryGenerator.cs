using Signpost.Data;
using Signpost.Geo;
using Signpost.OpeningHours;
using Signpost.Services;
using Signpost.Taxonomy;

namespace Signpost.Bench.Generation;

/// <summary>
/// Makes a synthetic national directory with the shape of the real one: organisations with
/// several services and locations, clustered around UK places in proportion to population, a mix
/// of categories, schedules, service areas, ages, costs and languages. The same seed always gives
/// the same directory (ids included), so benchmark runs can be compared.
/// </summary>
internal sealed class DirectoryGenerator
{
    private static readonly Guid IdNamespace = Guid.Parse("0d6e7f1a-2b3c-4d5e-8f90-a1b2c3d4e5f6");

    private static readonly (string Code, string[] Names, string Words)[] Kinds =
    [
        ("hospice", ["Hospice", "Hospice day centre", "Hospice wellbeing centre"], "hospice palliative end of life care comfort families"),
        ("hospice-at-home", ["Hospice at home", "Night sitting service", "Palliative care at home"], "hospice at home nurses palliative care end of life"),
        ("bereavement-adult", ["Bereavement support group", "Bereavement counselling", "Grief café"], "bereavement grief loss counselling bereaved adults"),
        ("bereavement-child", ["Children's bereavement service", "Young people's grief group", "Family bereavement support"], "bereavement children young people grief schools families"),
        ("bereavement-suicide", ["Bereaved by suicide group", "Suicide bereavement support"], "bereavement suicide loss peer support"),
        ("maternity-care", ["Antenatal clinic", "Community midwives", "Postnatal drop-in"], "maternity midwives pregnancy antenatal postnatal"),
        ("maternity-voices", ["Maternity voices partnership", "Maternity listening café"], "maternity voices parents feedback services"),
        ("parent-baby", ["Baby and toddler group", "Breastfeeding support", "New parents' café"], "parents babies toddlers feeding support"),
        ("talking-therapies", ["Talking therapies", "Counselling service", "Low-cost counselling"], "talking therapies counselling anxiety depression"),
        ("mental-health-crisis", ["Crisis line", "Crisis café", "Safe haven"], "mental health crisis support urgent listening"),
        ("mental-health-peer", ["Peer support group", "Men's wellbeing group", "Recovery college course"], "mental health peer support wellbeing recovery"),
        ("dementia", ["Memory café", "Dementia support service", "Singing for the brain"], "dementia memory carers support café"),
        ("heart", ["Cardiac rehabilitation", "Heart failure support group"], "heart cardiac rehabilitation exercise heart failure"),
        ("cancer", ["Cancer support centre", "Cancer information drop-in"], "cancer support information emotional practical"),
        ("carers-support", ["Carers' support group", "Carers' advice line", "Carers' breaks"], "carers support advice unpaid caring breaks"),
        ("young-carers", ["Young carers club", "Young carers project"], "young carers children support activities"),
        ("befriending", ["Befriending service", "Telephone befriending", "Good neighbours scheme"], "befriending loneliness visits calls isolation"),
        ("community-groups", ["Lunch club", "Community café", "Men's shed"], "community group social lunch club friendship"),
        ("faith-groups", ["Church drop-in", "Faith community support"], "church faith community welcome support"),
        ("signposting", ["Social prescribing", "Community connectors", "Information and advice hub"], "social prescribing signposting link workers advice"),
        ("arts-for-health", ["Arts for health group", "Creative wellbeing sessions"], "arts creative health wellbeing music painting"),
        ("physical-activity", ["Walking for health", "Chair-based exercise", "Strength and balance class"], "walking exercise physical activity strength balance"),
        ("diet-weight", ["Healthy eating course", "Weight management group"], "diet weight healthy eating nutrition"),
        ("money-advice", ["Money and benefits advice", "Debt advice clinic"], "money benefits debt advice"),
        ("housing-advice", ["Housing advice", "Home adaptations service"], "housing advice homelessness adaptations"),
        ("community-transport", ["Community transport", "Volunteer car scheme", "Dial-a-ride"], "community transport volunteer drivers appointments"),
        ("gp-surgeries", ["Medical practice", "Health centre", "Surgery"], "GP surgery doctors appointments NHS"),
        ("pharmacies", ["Pharmacy", "Community pharmacy"], "pharmacy prescriptions medicines advice"),
    ];

    private static readonly string[] OrganisationKinds =
        ["Community Trust", "Wellbeing Network", "Health Partnership", "Voluntary Action", "Care Collective", "Neighbourhood Project", "Support Centre", "Friends Association"];

    private static readonly (string Name, string Code)[] OtherLanguages =
        [("Polish", "pl"), ("Urdu", "ur"), ("Bengali", "bn"), ("Punjabi", "pa"), ("Gujarati", "gu"), ("Somali", "so"), ("Romanian", "ro"), ("Welsh", "cy"), ("British Sign Language", "bfi")];

    private readonly Random _random;
    private readonly IReadOnlyDictionary<string, Guid> _termsByCode;
    private readonly double[] _cumulativePopulation;
    private readonly DateOnly _today;
    private long _serial;

    public DirectoryGenerator(int seed, IReadOnlyDictionary<string, Guid> termsByCode, DateOnly today)
    {
        _random = new Random(seed);
        _termsByCode = termsByCode;
        _today = today;
        var total = 0.0;
        _cumulativePopulation = UkPlaces.All.Select(p => total += p.PopulationThousands).ToArray();
    }

    public sealed record Batch(List<Organization> Organizations, List<Service> Services, List<ServiceAttribute> Attributes);

    /// <summary>Organisations (with their services) until at least <paramref name="services"/> services exist.</summary>
    public IEnumerable<Batch> Generate(int services, int batchSize)
    {
        var made = 0;
        var batch = new Batch([], [], []);
        while (made < services)
        {
            var organization = NextOrganization(Math.Min(services - made, 1 + Poisson(1.6)), batch);
            made += organization;
            if (batch.Services.Count >= batchSize)
            {
                yield return batch;
                batch = new Batch([], [], []);
            }
        }

        if (batch.Organizations.Count > 0)
        {
            yield return batch;
        }
    }

    private int NextOrganization(int serviceCount, Batch batch)
    {
        var place = PickPlace();
        var orgId = NextId("organization");
        var organization = new Organization
        {
            Id = orgId,
            Name = $"{place.Name} {Pick(OrganisationKinds)}",
            Description = $"A {place.Name} organisation supporting health and wellbeing in the community.",
            Email = $"hello{_serial}@example.org",
            Website = $"https://org{_serial}.example.org",
            LastModified = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        organization.Phones.Add(new Phone { Id = NextId("phone"), Number = Phone(), Type = "voice", Description = "Office" });

        var locationCount = 1 + Poisson(0.5);
        for (var i = 0; i < locationCount; i++)
        {
            var point = Scatter(place);
            var location = new Location
            {
                Id = NextId("location"),
                LocationType = LocationType.Physical,
                Name = $"{place.Name} {Pick(["Community Centre", "Library", "Church Hall", "Health Centre", "Village Hall", "Hub"])}",
                Latitude = Math.Round(point.Latitude, 6),
                Longitude = Math.Round(point.Longitude, 6),
            };
            location.Addresses.Add(new Address
            {
                Id = NextId("address"),
                LocationId = location.Id,
                Address1 = $"{1 + _random.Next(200)} {Pick(["High Street", "Station Road", "Church Lane", "Market Place", "Park Road", "Mill Lane"])}",
                City = place.Name,
                StateProvince = "England",
                PostalCode = $"ZZ{1 + _random.Next(99)} {_random.Next(10)}{Pick(["AB", "DE", "FG", "HJ", "LN", "PQ", "RS", "TU", "WX", "YZ"])}",
                Country = "GB",
            });
            if (_random.NextDouble() < 0.5)
            {
                location.Accessibility.Add(new Accessibility { Id = NextId("accessibility"), Description = Pick(["Step-free access", "Hearing loop", "Accessible toilet", "Parking"]) });
            }

            organization.Locations.Add(location);
        }

        batch.Organizations.Add(organization);
        for (var i = 0; i < serviceCount; i++)
        {
            batch.Services.Add(NextService(organization, place, batch.Attributes));
        }

        return serviceCount;
    }

    private Service NextService(Organization organization, UkPlaces.Place place, List<ServiceAttribute> attributes)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        var id = NextId("service");
        var roll = _random.NextDouble();
        var service = new Service
        {
            Id = id,
            OrganizationId = organization.Id,
            Name = $"{place.Name} {Pick(kind.Names)}",
            Description = $"{Pick(kind.Names)} in {place.Name}: {kind.Words}. Run by {organization.Name}.",
            Status = roll < 0.97 ? ServiceStatus.Active : roll < 0.99 ? ServiceStatus.TemporarilyClosed : ServiceStatus.Inactive,
            AssuredDate = _today.AddDays(-_random.Next(900)),
            LastModified = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        (service.MinimumAge, service.MaximumAge) = _random.NextDouble() switch
        {
            < 0.60 => ((int?)null, (int?)null),
            < 0.75 => (18, null),
            < 0.85 => (_random.NextDouble() < 0.5 ? 60 : 65, null),
            < 0.95 => (5, 18),
            _ => (11, 25),
        };

        foreach (var location in organization.Locations.Where(_ => _random.NextDouble() < 0.7).DefaultIfEmpty(organization.Locations[0]))
        {
            service.ServiceAtLocations.Add(new ServiceAtLocation { Id = NextId("sal"), ServiceId = id, LocationId = location.Id });
        }

        var codes = new HashSet<string> { kind.Code };
        if (_random.NextDouble() < 0.3)
        {
            codes.Add(Kinds[_random.Next(Kinds.Length)].Code);
        }

        attributes.AddRange(codes.Select(c => new ServiceAttribute { Id = NextId("attribute"), LinkId = id, TaxonomyTermId = _termsByCode[c] }));
        service.Schedules.AddRange(Schedules());

        if (_random.NextDouble() < 0.3)
        {
            var amount = Math.Round((decimal)(2 + _random.NextDouble() * 13), 2);
            service.CostOptions.Add(new CostOption { Id = NextId("cost"), Option = "Per session", Amount = amount, Currency = "GBP", AmountDescription = $"£{amount:0.00} a session" });
            service.FeesDescription = $"£{amount:0.00} a session";
        }
        else
        {
            service.FeesDescription = "Free";
        }

        service.Languages.Add(new Language { Id = NextId("language"), Name = "English", Code = "en" });
        if (_random.NextDouble() < 0.1)
        {
            var (name, code) = Pick(OtherLanguages);
            service.Languages.Add(new Language { Id = NextId("language"), Name = name, Code = code });
        }

        if (_random.NextDouble() < 0.5)
        {
            service.Phones.Add(new Phone { Id = NextId("phone"), Number = Phone(), Type = "voice" });
        }

        if (_random.NextDouble() < 0.08)
        {
            var centre = new GeoPoint(organization.Locations[0].Latitude!.Value, organization.Locations[0].Longitude!.Value);
            var area = new ServiceArea { Id = NextId("area"), Name = $"{place.Name} and surrounding area" };
            area.SetExtent(AreaGeometry.Parse(Circle(centre, 3 + _random.NextDouble() * 12)));
            service.ServiceAreas.Add(area);
        }

        return service;
    }

    private IEnumerable<Schedule> Schedules()
    {
        var count = 1 + (_random.NextDouble() < 0.3 ? 1 : 0);
        for (var i = 0; i < count; i++)
        {
            var opens = 8 + _random.Next(8);
            var length = 1 + _random.Next(6);
            var (opensAt, closesAt) = ($"{opens:00}:{(_random.NextDouble() < 0.3 ? 30 : 0):00}", $"{Math.Min(opens + length, 23):00}:00");
            var schedule = _random.NextDouble() switch
            {
                < 0.55 => new Schedule { Freq = ScheduleRules.Weekly, Interval = 1, ByDay = Days(1 + _random.Next(5)), OpensAt = opensAt, ClosesAt = closesAt },
                < 0.65 => new Schedule { Freq = ScheduleRules.Weekly, Interval = 2, ByDay = Days(1), OpensAt = opensAt, ClosesAt = closesAt, DtStart = new DateOnly(2026, 1, 5).AddDays(_random.Next(7)) },
                < 0.80 => new Schedule { Freq = ScheduleRules.Monthly, Interval = 1, ByDay = $"{(_random.NextDouble() < 0.2 ? "-1" : (1 + _random.Next(4)).ToString())}{Pick(ScheduleRules.DayCodes[..5])}", OpensAt = opensAt, ClosesAt = closesAt },
                < 0.88 => new Schedule { Freq = ScheduleRules.Daily, Interval = 1, OpensAt = "00:00", ClosesAt = "23:59" },
                _ => new Schedule { Description = "By appointment" },
            };
            schedule.Id = NextId("schedule");
            schedule.Description ??= OpeningHoursText.Describe(schedule);
            yield return schedule;
        }
    }

    private string Days(int count) =>
        string.Join(',', ScheduleRules.DayCodes.Take(6).OrderBy(_ => _random.Next()).Take(count).OrderBy(d => Array.IndexOf(ScheduleRules.DayCodes, d)));

    private UkPlaces.Place PickPlace()
    {
        var target = _random.NextDouble() * _cumulativePopulation[^1];
        var index = Array.BinarySearch(_cumulativePopulation, target);
        return UkPlaces.All[index < 0 ? ~index : index];
    }

    /// <summary>A point scattered around the place (normal distribution, in km).</summary>
    private GeoPoint Scatter(UkPlaces.Place place)
    {
        var (dx, dy) = (Gaussian() * place.Spread, Gaussian() * place.Spread);
        return new GeoPoint(
            place.Latitude + dy / 111.195,
            place.Longitude + dx / (111.195 * Math.Cos(place.Latitude * Math.PI / 180)));
    }

    private static string Circle(GeoPoint centre, double radiusKm)
    {
        var ring = Enumerable.Range(0, 13).Select(i =>
        {
            var angle = (i % 12) * Math.PI / 6;
            var lat = centre.Latitude + radiusKm * Math.Sin(angle) / 111.195;
            var lon = centre.Longitude + radiusKm * Math.Cos(angle) / (111.195 * Math.Cos(centre.Latitude * Math.PI / 180));
            return FormattableString.Invariant($"[{lon:0.######},{lat:0.######}]");
        });
        return $"{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(',', ring)}]]}}";
    }

    private double Gaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    private int Poisson(double mean)
    {
        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        while ((p *= _random.NextDouble()) > limit)
        {
            k++;
        }

        return k;
    }

    private string Phone() => $"01632 960{_random.Next(1000):000}";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Guid NextId(string kind) => DeterministicGuid.Create(IdNamespace, $"{kind}/{++_serial}");
}
