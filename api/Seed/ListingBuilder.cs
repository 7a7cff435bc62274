using Signpost.Data;
using Signpost.Geo;
using Signpost.Geo.Postcodes;
using Signpost.OpeningHours;

namespace Signpost.Seed;

/// <summary>
/// Builds an organisation with its locations and services from the HSDS-shaped documents of
/// data-seed/, checking every field: used to load the seed and to create approved listings.
/// Problems name the source and the field.
/// </summary>
internal sealed class ListingBuilder(string file, IReadOnlyDictionary<string, Guid> termsByCode, HashSet<Guid> ids)
{
    public sealed record Built(Organization Organization, List<Service> Services, List<ServiceAttribute> Attributes);

    public Built Build(OrganizationDocument doc, string path)
    {
        Claim(doc.Id, $"{path}.id");
        var modified = DateTimeOffset.UnixEpoch;
        var organization = new Organization
        {
            Id = doc.Id,
            Name = Required(doc.Name, $"{path}.name"),
            AlternateName = doc.AlternateName,
            Description = doc.Description,
            Email = doc.Email,
            Website = doc.Website,
            Phones = Phones(doc.Phones, doc.Id),
        };

        foreach (var (location, i) in (doc.Locations ?? []).Select((l, i) => (l, i)))
        {
            organization.Locations.Add(Location(location, $"{path}.locations[{i}]"));
        }

        var services = new List<Service>();
        var attributes = new List<ServiceAttribute>();
        foreach (var (service, i) in (doc.Services ?? []).Select((s, i) => (s, i)))
        {
            var built = Service(service, organization, $"{path}.services[{i}]");
            services.Add(built);
            attributes.AddRange(Categories(service, $"{path}.services[{i}]"));
            if (built.LastModified > modified)
            {
                modified = built.LastModified;
            }
        }

        organization.LastModified = modified;
        return new Built(organization, services, attributes);
    }

    private Location Location(LocationDocument doc, string path)
    {
        Claim(doc.Id, $"{path}.id");
        var type = doc.LocationType ?? "physical";
        if (!Enum.TryParse<LocationType>(type, ignoreCase: true, out var locationType))
        {
            throw Problem($"{path}.location_type", $"'{type}' is not physical, postal or virtual");
        }

        if (locationType == LocationType.Physical && (doc.Latitude is null || doc.Longitude is null))
        {
            throw Problem($"{path}.latitude", "a physical location needs latitude and longitude");
        }

        if (doc.Latitude is { } lat && !GeoPoint.IsValidLatitude(lat))
        {
            throw Problem($"{path}.latitude", "must be between -90 and 90");
        }

        if (doc.Longitude is { } lon && !GeoPoint.IsValidLongitude(lon))
        {
            throw Problem($"{path}.longitude", "must be between -180 and 180");
        }

        var location = new Location
        {
            Id = doc.Id,
            LocationType = locationType,
            Name = doc.Name,
            Description = doc.Description,
            Transportation = doc.Transportation,
            Latitude = doc.Latitude,
            Longitude = doc.Longitude,
            Phones = Phones(doc.Phones, doc.Id),
            Accessibility = (doc.Accessibility ?? []).Select((a, i) => new Accessibility
            {
                Id = Child(doc.Id, "accessibility", i),
                Description = a.Description,
                Details = a.Details,
                Url = a.Url,
            }).ToList(),
        };

        if (doc.Address is { } address)
        {
            if (!Postcode.TryParse(address.PostalCode, out var postcode) || postcode!.Incode is null)
            {
                throw Problem($"{path}.address.postal_code", $"'{address.PostalCode}' is not a full UK postcode");
            }

            location.Addresses.Add(new Address
            {
                Id = Child(doc.Id, "address", 0),
                Address1 = Required(address.Address1, $"{path}.address.address_1"),
                Address2 = address.Address2,
                City = Required(address.City, $"{path}.address.city"),
                Region = address.Region,
                StateProvince = Required(address.StateProvince, $"{path}.address.state_province"),
                PostalCode = postcode.ToString(),
                Country = address.Country ?? "GB",
            });
        }

        return location;
    }

    private Service Service(ServiceDocument doc, Organization organization, string path)
    {
        Claim(doc.Id, $"{path}.id");
        var statusText = doc.Status ?? ServiceStatusNames.Active;
        if (!ServiceStatusNames.TryParse(statusText, out var status))
        {
            throw Problem($"{path}.status", $"'{statusText}' is not active, inactive, defunct or temporarily closed");
        }

        if (doc.MinimumAge is < 0 or > 120 || doc.MaximumAge is < 0 or > 120 || doc.MinimumAge > doc.MaximumAge)
        {
            throw Problem($"{path}.minimum_age", "ages must be 0-120 with minimum_age no more than maximum_age");
        }

        var service = new Service
        {
            Id = doc.Id,
            OrganizationId = organization.Id,
            Name = Required(doc.Name, $"{path}.name"),
            AlternateName = doc.AlternateName,
            Description = doc.Description,
            Url = doc.Url,
            Email = doc.Email,
            Status = status,
            InterpretationServices = doc.InterpretationServices,
            ApplicationProcess = doc.ApplicationProcess,
            FeesDescription = doc.FeesDescription,
            EligibilityDescription = doc.EligibilityDescription,
            MinimumAge = doc.MinimumAge,
            MaximumAge = doc.MaximumAge,
            AssuredDate = doc.AssuredDate,
            Alert = doc.Alert,
            LastModified = doc.AssuredDate is { } assured
                ? new DateTimeOffset(assured.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : DateTimeOffset.UnixEpoch,
            Phones = Phones(doc.Phones, doc.Id),
        };

        foreach (var (locationId, i) in (doc.Locations ?? []).Select((l, i) => (l, i)))
        {
            if (organization.Locations.All(l => l.Id != locationId))
            {
                throw Problem($"{path}.locations[{i}]", $"{locationId} is not a location of this organisation");
            }

            service.ServiceAtLocations.Add(new ServiceAtLocation { Id = Child(doc.Id, $"at/{locationId}", 0), ServiceId = doc.Id, LocationId = locationId });
        }

        foreach (var (area, i) in (doc.ServiceAreas ?? []).Select((a, i) => (a, i)))
        {
            var serviceArea = new ServiceArea { Id = Child(doc.Id, "area", i), Name = Required(area.Name, $"{path}.service_areas[{i}].name"), Description = area.Description };
            if (area.Extent is not null)
            {
                if (!AreaGeometry.TryParse(area.Extent.ToJsonString(), out var geometry, out var error))
                {
                    throw Problem($"{path}.service_areas[{i}].extent", error!);
                }

                serviceArea.SetExtent(geometry);
            }

            service.ServiceAreas.Add(serviceArea);
        }

        foreach (var (s, i) in (doc.Schedules ?? []).Select((s, i) => (s, i)))
        {
            if (ScheduleRules.Validate(s.Freq, s.Interval, s.Byday, s.OpensAt, s.ClosesAt, s.Description) is { } problem)
            {
                throw Problem($"{path}.schedules[{i}].{problem.Field}", problem.Problem);
            }

            service.Schedules.Add(new Schedule
            {
                Id = Child(doc.Id, "schedule", i),
                Freq = s.Freq,
                Interval = s.Interval,
                ByDay = s.Byday,
                OpensAt = s.OpensAt,
                ClosesAt = s.ClosesAt,
                DtStart = s.Dtstart,
                Until = s.Until,
                ValidFrom = s.ValidFrom,
                ValidTo = s.ValidTo,
                Description = s.Description,
                Notes = s.Notes,
            });
        }

        service.CostOptions = (doc.CostOptions ?? []).Select((c, i) => new CostOption
        {
            Id = Child(doc.Id, "cost", i),
            Option = c.Option,
            Amount = c.Amount is < 0 ? throw Problem($"{path}.cost_options[{i}].amount", "must not be negative") : c.Amount,
            Currency = c.Currency ?? (c.Amount is null ? null : "GBP"),
            AmountDescription = c.AmountDescription,
            ValidFrom = c.ValidFrom,
            ValidTo = c.ValidTo,
        }).ToList();
        service.Languages = (doc.Languages ?? []).Select((l, i) => new Language
        {
            Id = Child(doc.Id, "language", i),
            Name = Required(l.Name, $"{path}.languages[{i}].name"),
            Code = l.Code,
            Note = l.Note,
        }).ToList();
        service.Contacts = (doc.Contacts ?? []).Select((c, i) =>
        {
            var id = Child(doc.Id, "contact", i);
            return new Contact { Id = id, Name = c.Name, Title = c.Title, Department = c.Department, Email = c.Email, Phones = Phones(c.Phones, id) };
        }).ToList();
        return service;
    }

    private IEnumerable<ServiceAttribute> Categories(ServiceDocument doc, string path)
    {
        var categories = doc.Categories ?? [];
        if (categories.Count == 0)
        {
            throw Problem($"{path}.categories", "a service needs at least one category");
        }

        foreach (var (code, i) in categories.Distinct().Select((c, i) => (c, i)))
        {
            if (!termsByCode.TryGetValue(code, out var termId))
            {
                throw Problem($"{path}.categories[{i}]", $"'{code}' is not a category code in taxonomy/categories.json");
            }

            yield return new ServiceAttribute { Id = Child(doc.Id, $"category/{code}", 0), LinkId = doc.Id, TaxonomyTermId = termId };
        }
    }

    private static List<Phone> Phones(List<PhoneDocument>? phones, Guid parentId) =>
        (phones ?? []).Select((p, i) => new Phone
        {
            Id = Child(parentId, "phone", i),
            Number = p.Number,
            Extension = p.Extension,
            Type = p.Type ?? "voice",
            Description = p.Description,
        }).ToList();

    private static Guid Child(Guid parentId, string kind, int index) => DeterministicGuid.Create(parentId, $"{kind}/{index}");

    private void Claim(Guid id, string path)
    {
        if (id == Guid.Empty)
        {
            throw Problem(path, "is required");
        }

        if (!ids.Add(id))
        {
            throw Problem(path, $"{id} is used more than once");
        }
    }

    private string Required(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? throw Problem(path, "is required") : value;

    private SeedDataException Problem(string path, string problem) => new($"{file}: {path}: {problem}.");
}
