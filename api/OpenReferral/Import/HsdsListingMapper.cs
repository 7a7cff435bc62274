using System.Globalization;
using Signpost.Data;
using Signpost.Geo.Postcodes;
using Signpost.GraphQL.Errors;
using Signpost.OpenReferral.Hsds;
using Signpost.Submissions;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// Checks one HSDS 3.0 service and builds Signpost's entities from it. Any problem is an
/// <see cref="ImportProblem"/> naming the field path, and the record is skipped whole; things
/// Signpost can work around (coordinates out of range, an extent that is not GeoJSON) are warnings.
/// Text goes through <see cref="PlainText"/> and then the same length and character rules as a
/// public submission, with the database's column limits.
/// </summary>
/// <remarks>
/// What Signpost has no place for (funding, programs, a location's contacts …) is listed by
/// <see cref="NotKept"/> for the report; the rest of the record is imported.
/// Services, organisations, locations and taxonomy terms keep their HSDS ids, so a second import
/// updates them. Smaller records (phones, contacts, schedules…) keep theirs too, so what Signpost
/// exports another Signpost imports unchanged; but publishers reuse one phone id under the
/// service, its contact and its location, and Signpost stores each owner's phone as its own row,
/// so an id met a second time in a listing (or, on a retry, any id another listing already has)
/// is replaced by one derived from its owner and its source id.
/// </remarks>
public sealed class HsdsListingMapper(string source, TaxonomyMapping mapping, IReadOnlySet<Guid> categoryIds, IPostcodeLookup postcodes)
{
    private static readonly Guid SourceNamespace = new("6f1f7c2e-2b1a-4f49-9a53-0c4f1e0d6b11");

    private readonly HashSet<Guid> _usedIds = [];
    private bool _keepSourceIds;

    /// <param name="keepSourceIds">False to derive every small record's id (after the database refused a kept one).</param>
    public async Task<ImportedListing> MapAsync(HsdsService doc, bool keepSourceIds, CancellationToken cancellationToken)
    {
        _usedIds.Clear();
        _keepSourceIds = keepSourceIds;
        var warnings = new List<string>();
        var id = Id(doc.Id, "id");
        var org = doc.Organization ?? throw new ImportProblem("organization", "is required (the organisation that runs the service)");
        var organization = new Organization
        {
            Id = Id(org.Id, "organization.id"),
            Name = Required(org.Name, "organization.name", TextLimits.Name),
            AlternateName = Text(org.AlternateName, "organization.alternate_name", TextLimits.Name),
            Description = Text(org.Description, "organization.description", TextLimits.Description),
            Email = Email(org.Email, "organization.email"),
            Website = Url(org.Website, "organization.website"),
            LegalStatus = Text(org.LegalStatus, "organization.legal_status", TextLimits.Short),
            Uri = Url(org.Uri, "organization.uri"),
        };

        if (!ServiceStatusNames.TryParse(doc.Status?.Trim().ToLowerInvariant(), out var status))
        {
            throw new ImportProblem("status", string.IsNullOrWhiteSpace(doc.Status)
                ? "is required (active, inactive, defunct or temporarily closed)"
                : $"'{doc.Status}' is not active, inactive, defunct or temporarily closed");
        }

        var minimumAge = Age(doc.MinimumAge, "minimum_age");
        var maximumAge = Age(doc.MaximumAge, "maximum_age");
        if (minimumAge > maximumAge)
        {
            throw new ImportProblem("minimum_age", $"{minimumAge} is more than maximum_age ({maximumAge})");
        }

        var service = new Service
        {
            Id = id,
            OrganizationId = organization.Id,
            Name = Required(doc.Name, "name", TextLimits.Name),
            AlternateName = Text(doc.AlternateName, "alternate_name", TextLimits.Name),
            Description = Text(doc.Description, "description", TextLimits.Description),
            Url = Url(doc.Url, "url"),
            Email = Email(doc.Email, "email"),
            Status = status,
            InterpretationServices = Text(doc.InterpretationServices, "interpretation_services", TextLimits.Short),
            ApplicationProcess = Text(doc.ApplicationProcess, "application_process", TextLimits.Description),
            FeesDescription = Text(doc.FeesDescription, "fees_description", TextLimits.Short),
            EligibilityDescription = Text(doc.EligibilityDescription, "eligibility_description", TextLimits.Description),
            MinimumAge = minimumAge,
            MaximumAge = maximumAge,
            Alert = Text(doc.Alert, "alert", TextLimits.Short),
            AssuredDate = doc.AssuredDate,
            Phones = Phones(doc.Phones, id, "phones", p => p.ServiceId = id),
            Contacts = Contacts(doc.Contacts, id, "contacts", c => c.ServiceId = id),
            Languages = Languages(doc.Languages, id, "languages", warnings, l => l.ServiceId = id),
            CostOptions = CostOptions(doc.CostOptions, id, "cost_options"),
            ServiceAreas = ServiceAreas(doc.ServiceAreas, id, "service_areas", warnings),
            Schedules = Schedules(doc.Schedules, id, "schedules", s => s.ServiceId = id),
        };

        var locations = new List<Location>();
        var details = new LocationDetails([], []);
        foreach (var (at, i) in (doc.ServiceAtLocations ?? []).Select((a, i) => (a, i)))
        {
            var path = $"service_at_locations[{i}]";
            var location = at.Location ?? throw new ImportProblem($"{path}.location", "is required (where the service is delivered)");
            var built = await LocationAsync(location, organization.Id, $"{path}.location", warnings, cancellationToken);
            if (locations.Any(l => l.Id == built.Id))
            {
                continue; // the same place listed twice
            }

            locations.Add(built);
            details.Languages.AddRange(Languages(location.Languages, built.Id, $"{path}.location.languages", warnings, l => l.LocationId = built.Id));
            details.Schedules.AddRange(Schedules(location.Schedules, built.Id, $"{path}.location.schedules", s => s.LocationId = built.Id));
            service.ServiceAtLocations.Add(new ServiceAtLocation
            {
                Id = Child(id, "at", Key(at.Id) ?? built.Id.ToString("N"), 0),
                ServiceId = id,
                LocationId = built.Id,
                Description = Text(at.Description, $"{path}.description", TextLimits.Description),
            });

            // Contacts, phones and (when the service has none of its own) schedules given for the
            // service at this location are the service's too; their ids are kept apart from the
            // service-level ones, so removing one here removes just that one.
            var atId = service.ServiceAtLocations[^1].Id;
            service.Contacts.AddRange(Contacts(at.Contacts, atId, $"{path}.contacts", c => c.ServiceId = id));
            service.Phones.AddRange(Phones(at.Phones, atId, $"{path}.phones", p => p.ServiceId = id));
            if ((doc.Schedules ?? []).Count == 0)
            {
                service.Schedules.AddRange(Schedules(at.Schedules, atId, $"{path}.schedules", s => s.ServiceId = id));
            }
        }

        // The organisation's own phones and contacts come after the service's, so where a
        // publisher gives one id to both, the service's keeps it (as it did before these were kept).
        organization.Phones = Phones(org.Phones, organization.Id, "organization.phones", p => p.OrganizationId = organization.Id);
        organization.Contacts = Contacts(org.Contacts, organization.Id, "organization.contacts", c => c.OrganizationId = organization.Id);

        var sourceAttributes = new Dictionary<Guid, ServiceAttribute>();
        var (terms, categories, unmapped) = Terms(doc.Attributes, "attributes", sourceAttributes);
        // A link for each term the source gives and each category they map to; a mapped category's link is Signpost's own.
        var attributes = terms.Select(t => t.Term.Id).Concat(categories).Distinct().Select(termId =>
        {
            var link = sourceAttributes.GetValueOrDefault(termId);
            return new ServiceAttribute
            {
                Id = link is { Id: var kept } && kept != Guid.Empty ? kept : DeterministicGuid.Create(id, $"import/attribute/{termId:N}"),
                LinkId = id,
                TaxonomyTermId = termId,
                LinkType = link?.LinkType,
                Value = link?.Value,
            };
        }).ToList();
        return new ImportedListing(organization, service, locations, details, terms, categories, attributes, warnings, unmapped, NotKept.Paths(doc));
    }

    private async Task<Location> LocationAsync(HsdsLocation doc, Guid organizationId, string path, List<string> warnings, CancellationToken cancellationToken)
    {
        var id = Id(doc.Id, $"{path}.id");
        var typeText = string.IsNullOrWhiteSpace(doc.LocationType) ? "physical" : doc.LocationType.Trim();
        if (!Enum.TryParse<LocationType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(typeText, out _))
        {
            throw new ImportProblem($"{path}.location_type", $"'{doc.LocationType}' is not physical, postal or virtual");
        }

        var location = new Location
        {
            Id = id,
            OrganizationId = organizationId,
            LocationType = type,
            Name = Text(doc.Name, $"{path}.name", TextLimits.Name),
            AlternateName = Text(doc.AlternateName, $"{path}.alternate_name", TextLimits.Name),
            Description = Text(doc.Description, $"{path}.description", TextLimits.Description),
            Transportation = Text(doc.Transportation, $"{path}.transportation", TextLimits.Short),
            ExternalIdentifier = Text(doc.ExternalIdentifier, $"{path}.external_identifier", TextLimits.Short),
            Phones = Phones(doc.Phones, id, $"{path}.phones", p => p.LocationId = id),
        };

        foreach (var (a, i) in (doc.Addresses ?? []).Select((a, i) => (a, i)))
        {
            var p = $"{path}.addresses[{i}]";
            var postcode = Text(a.PostalCode, $"{p}.postal_code", TextLimits.Code) ?? "";
            location.Addresses.Add(new Address
            {
                Id = Child(id, "address", Key(a.Id), i),
                LocationId = id,
                Attention = Text(a.Attention, $"{p}.attention", TextLimits.Name),
                Address1 = Text(a.Address1, $"{p}.address_1", TextLimits.Name) ?? "",
                Address2 = Text(a.Address2, $"{p}.address_2", TextLimits.Name),
                City = Text(a.City, $"{p}.city", TextLimits.Name) ?? "",
                Region = Text(a.Region, $"{p}.region", TextLimits.Name),
                StateProvince = Text(a.StateProvince, $"{p}.state_province", TextLimits.Name) ?? "",
                PostalCode = Postcode.TryParse(postcode, out var parsed) && parsed!.Incode is not null ? parsed.ToString() : postcode,
                Country = Country(a.Country, $"{p}.country"),
                AddressType = string.IsNullOrWhiteSpace(a.AddressType) ? "physical" : Text(a.AddressType, $"{p}.address_type", TextLimits.Code)!.ToLowerInvariant(),
            });
        }

        location.Accessibility = (doc.Accessibility ?? []).Select((a, i) => new Accessibility
        {
            Id = Child(id, "accessibility", Key(a.Id), i),
            LocationId = id,
            Description = Text(a.Description, $"{path}.accessibility[{i}].description", TextLimits.Short),
            Details = Text(a.Details, $"{path}.accessibility[{i}].details", TextLimits.Description),
            Url = Url(a.Url, $"{path}.accessibility[{i}].url"),
        }).ToList();

        if (doc.Latitude is { } lat && doc.Longitude is { } lon && GeoPoint.IsValidLatitude(lat) && GeoPoint.IsValidLongitude(lon))
        {
            location.Latitude = lat;
            location.Longitude = lon;
            return location;
        }

        var given = doc.Latitude is not null || doc.Longitude is not null;
        if (given)
        {
            warnings.Add($"{path}: latitude {Number(doc.Latitude)}, longitude {Number(doc.Longitude)} is not a point on Earth; ignored");
        }

        if (type != LocationType.Physical)
        {
            return location;
        }

        foreach (var address in location.Addresses)
        {
            if (Postcode.TryParse(address.PostalCode, out var postcode) && await postcodes.FindAsync(postcode!, cancellationToken) is { } found)
            {
                location.Latitude = found.Point.Latitude;
                location.Longitude = found.Point.Longitude;
                warnings.Add($"{path}: no usable coordinates; placed at the centre of postcode district {postcode!.Outcode} ({found.Place})");
                return location;
            }
        }

        warnings.Add($"{path}: no usable coordinates and no postcode Signpost can place; it will not be found by distance");
        return location;
    }

    private List<Phone> Phones(IReadOnlyList<HsdsPhone>? phones, Guid ownerId, string path, Action<Phone> own) =>
        (phones ?? []).Select((p, i) =>
        {
            var phone = new Phone
            {
                Id = Child(ownerId, "phone", Key(p.Id), i),
                // Publishers often wrap numbers in quotes; the number itself must still be a phone number.
                Number = Rule(() => SubmissionRules.Phone(p.Number?.Trim().Trim('"', '\'').Trim(), $"{path}[{i}].number"))
                    ?? throw new ImportProblem($"{path}[{i}].number", "is required"),
                Extension = p.Extension is { } extension ? Number(extension) : null,
                Type = Text(p.Type, $"{path}[{i}].type", TextLimits.Code) ?? "voice",
                Description = Text(p.Description, $"{path}[{i}].description", TextLimits.Short),
            };
            own(phone);
            return phone;
        }).ToList();

    private List<Contact> Contacts(IReadOnlyList<HsdsContact>? contacts, Guid ownerId, string path, Action<Contact> own) =>
        (contacts ?? []).Select((c, i) =>
        {
            var id = Child(ownerId, "contact", Key(c.Id), i);
            var contact = new Contact
            {
                Id = id,
                Name = Text(c.Name, $"{path}[{i}].name", TextLimits.Name),
                Title = Text(c.Title, $"{path}[{i}].title", TextLimits.Name),
                Department = Text(c.Department, $"{path}[{i}].department", TextLimits.Name),
                Email = Email(c.Email, $"{path}[{i}].email"),
                Phones = Phones(c.Phones, id, $"{path}[{i}].phones", p => p.ContactId = id),
            };
            own(contact);
            return contact;
        }).ToList();

    private List<Language> Languages(IReadOnlyList<HsdsLanguage>? languages, Guid ownerId, string path, List<string> warnings, Action<Language> own)
    {
        var result = new List<Language>();
        foreach (var (l, i) in (languages ?? []).Select((l, i) => (l, i)))
        {
            var name = Text(l.Name, $"{path}[{i}].name", TextLimits.Name) ?? Text(l.Code, $"{path}[{i}].code", TextLimits.Code);
            if (name is null)
            {
                warnings.Add($"{path}[{i}]: a language with neither name nor code says nothing; left out");
                continue;
            }

            var language = new Language
            {
                Id = Child(ownerId, "language", Key(l.Id), i),
                Name = name,
                Code = Text(l.Code, $"{path}[{i}].code", TextLimits.Code),
                Note = Text(l.Note, $"{path}[{i}].note", TextLimits.Short),
            };
            own(language);
            result.Add(language);
        }

        return result;
    }

    private List<CostOption> CostOptions(IReadOnlyList<HsdsCostOption>? options, Guid serviceId, string path) =>
        (options ?? []).Select((c, i) =>
        {
            if (c.Amount is < 0 or > 1_000_000)
            {
                throw new ImportProblem($"{path}[{i}].amount", "must be between 0 and 1,000,000");
            }

            var currency = Text(c.Currency, $"{path}[{i}].currency", TextLimits.Code)?.ToUpperInvariant();
            if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
            {
                throw new ImportProblem($"{path}[{i}].currency", $"'{c.Currency}' is not an ISO 4217 currency code such as GBP");
            }

            return new CostOption
            {
                Id = Child(serviceId, "cost", Key(c.Id), i),
                ServiceId = serviceId,
                Option = Text(c.Option, $"{path}[{i}].option", TextLimits.Short),
                Amount = c.Amount,
                Currency = currency ?? (c.Amount is null ? null : "GBP"),
                AmountDescription = Text(c.AmountDescription, $"{path}[{i}].amount_description", TextLimits.Short),
                ValidFrom = c.ValidFrom,
                ValidTo = c.ValidTo,
            };
        }).ToList();

    private List<ServiceArea> ServiceAreas(IReadOnlyList<HsdsServiceArea>? areas, Guid serviceId, string path, List<string> warnings) =>
        (areas ?? []).Select((a, i) =>
        {
            var description = Text(a.Description, $"{path}[{i}].description", TextLimits.Description);
            var area = new ServiceArea
            {
                Id = Child(serviceId, "area", Key(a.Id), i),
                ServiceId = serviceId,
                Name = Text(a.Name, $"{path}[{i}].name", TextLimits.Name) ?? "Service area",
                Description = description,
                Uri = Url(a.Uri, $"{path}[{i}].uri"),
            };
            if (!string.IsNullOrWhiteSpace(a.Extent))
            {
                if (a.ExtentType?.Trim().ToLowerInvariant() is null or "geojson" && AreaGeometry.TryParse(a.Extent, out var geometry, out var error))
                {
                    area.SetExtent(geometry);
                }
                else
                {
                    warnings.Add($"{path}[{i}].extent: {(a.ExtentType?.Trim().ToLowerInvariant() is null or "geojson" ? "is not a GeoJSON polygon" : $"extent_type '{a.ExtentType}' is not geojson")}; the area is kept by name only");
                }
            }

            return area;
        }).ToList();

    private List<Schedule> Schedules(IReadOnlyList<HsdsSchedule>? schedules, Guid ownerId, string path, Action<Schedule> own) =>
        (schedules ?? []).Select((s, i) =>
        {
            var freq = string.IsNullOrWhiteSpace(s.Freq) ? null : s.Freq.Trim().ToUpperInvariant();
            var byDay = string.IsNullOrWhiteSpace(s.ByDay) ? null : string.Join(',', s.ByDay.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
            var opens = Time(s.OpensAt);
            var closes = Time(s.ClosesAt);
            var description = Text(s.Description, $"{path}[{i}].description", TextLimits.Short);
            if (ScheduleRules.Validate(freq, s.Interval, byDay, opens, closes, description) is { } problem)
            {
                throw new ImportProblem($"{path}[{i}].{problem.Field}", problem.Problem);
            }

            var schedule = new Schedule
            {
                Id = Child(ownerId, "schedule", Key(s.Id), i),
                Freq = freq,
                Interval = s.Interval,
                ByDay = byDay,
                OpensAt = opens,
                ClosesAt = closes,
                DtStart = s.DtStart,
                Until = s.Until,
                ValidFrom = s.ValidFrom,
                ValidTo = s.ValidTo,
                Description = description,
                Notes = Text(s.Notes, $"{path}[{i}].notes", TextLimits.Short),
            };
            own(schedule);
            return schedule;
        }).ToList();

    /// <param name="sourceAttributes">Filled with the source's link for each term: its id (where it is kept), type and value.</param>
    private (List<SourceTerm> Terms, List<Guid> Categories, List<SourceTerm> Unmapped) Terms(IReadOnlyList<HsdsAttribute>? attributes, string path, Dictionary<Guid, ServiceAttribute> sourceAttributes)
    {
        var terms = new List<SourceTerm>();
        var categories = new List<Guid>();
        var unmapped = new List<SourceTerm>();
        foreach (var (a, i) in (attributes ?? []).Select((a, i) => (a, i)))
        {
            var termId = a.TaxonomyTerm?.Id is { } nested && nested != Guid.Empty ? nested : a.TaxonomyTermId ?? Guid.Empty;
            if (termId == Guid.Empty)
            {
                throw new ImportProblem($"{path}[{i}].taxonomy_term_id", "is required (the term the attribute links to)");
            }

            // The first link to a term is the one kept. It keeps its own id, as the small records do,
            // where that is new to this listing.
            if (!sourceAttributes.ContainsKey(termId))
            {
                sourceAttributes[termId] = new ServiceAttribute
                {
                    Id = _keepSourceIds && a.Id != Guid.Empty && _usedIds.Add(a.Id) ? a.Id : Guid.Empty,
                    TaxonomyTermId = termId,
                    LinkType = Text(a.LinkType, $"{path}[{i}].link_type", TextLimits.Code),
                    Value = Text(a.Value, $"{path}[{i}].value", TextLimits.Short),
                };
            }

            // A term of Signpost's own taxonomy (e.g. from Signpost's own feed) is a category already.
            if (categoryIds.Contains(termId))
            {
                categories.Add(termId);
                continue;
            }

            var term = a.TaxonomyTerm;
            if (term is null)
            {
                // Only the id: it can be mapped, but there is nothing to keep.
                if (mapping.Find(termId, null) is { } onlyMapped)
                {
                    categories.Add(onlyMapped);
                }

                continue;
            }

            var p = $"{path}[{i}].taxonomy_term";
            var code = Text(term.Code, $"{p}.code", TextLimits.Code);
            var name = Text(term.Name, $"{p}.name", TextLimits.Name) ?? Text(term.Term, $"{p}.term", TextLimits.Name) ?? code
                ?? throw new ImportProblem($"{p}.name", "is required");
            var taxonomy = Taxonomy(term, p);
            var kept = new SourceTerm(taxonomy, new TaxonomyTerm
            {
                Id = termId,
                Code = code ?? termId.ToString("D"),
                Name = name,
                Description = Text(term.Description, $"{p}.description", TextLimits.Description) ?? "",
                ParentId = term.ParentId,
                TaxonomyId = taxonomy.Id,
                Language = Text(term.Language, $"{p}.language", TextLimits.Code),
                TermUri = Url(term.TermUri, $"{p}.term_uri"),
            }, code);
            terms.Add(kept);
            if (mapping.Find(termId, code) is { } category)
            {
                categories.Add(category);
            }
            else
            {
                unmapped.Add(kept);
            }
        }

        return (terms.DistinctBy(t => t.Term.Id).ToList(), categories.Distinct().ToList(), unmapped.DistinctBy(t => t.Term.Id).ToList());
    }

    private TaxonomyScheme Taxonomy(HsdsTaxonomyTerm term, string path)
    {
        if (term.TaxonomyDetail is { } detail && detail.Id != Guid.Empty)
        {
            return new TaxonomyScheme
            {
                Id = detail.Id,
                Name = Text(detail.Name, $"{path}.taxonomy_detail.name", TextLimits.Name) ?? detail.Id.ToString("D"),
                Description = Text(detail.Description, $"{path}.taxonomy_detail.description", TextLimits.Description) ?? "",
                Uri = Url(detail.Uri, $"{path}.taxonomy_detail.uri"),
                Version = Text(detail.Version, $"{path}.taxonomy_detail.version", TextLimits.Code),
                ImportedFrom = source,
            };
        }

        // No taxonomy record: one per taxonomy name (or one for the source's loose terms).
        var name = Text(term.Taxonomy, $"{path}.taxonomy", TextLimits.Name) ?? $"{source} terms";
        var id = term.TaxonomyId is { } taxonomyId && taxonomyId != Guid.Empty
            ? taxonomyId
            : DeterministicGuid.Create(SourceNamespace, $"{source}/taxonomy/{name}");
        return new TaxonomyScheme { Id = id, Name = name, Description = $"Terms imported from {source}.", ImportedFrom = source };
    }

    /// <summary>ISO 3166-1 alpha-2, e.g. GB; GB when not given.</summary>
    private static string Country(string? value, string path)
    {
        var country = Text(value, path, TextLimits.Code)?.ToUpperInvariant() ?? "GB";
        return country.Length == 2 && country.All(char.IsAsciiLetterUpper)
            ? country
            : throw new ImportProblem(path, $"'{value}' is not a two-letter country code such as GB");
    }

    private static Guid Id(Guid id, string path) =>
        id == Guid.Empty ? throw new ImportProblem(path, "is required (a UUID)") : id;

    private static int? Age(decimal? age, string path) =>
        age switch
        {
            null => null,
            < 0 or > 120 => throw new ImportProblem(path, $"{Number(age)} is not an age between 0 and 120"),
            _ when age != decimal.Truncate(age.Value) => throw new ImportProblem(path, $"{Number(age)} is not a whole number of years"),
            _ => (int)age,
        };

    /// <summary>HSDS writes times as HH:MM or HH:MM:SS; Signpost keeps HH:MM.</summary>
    private static string? Time(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
        : value.Trim();

    private static string? Text(string? value, string path, int max) => Rule(() => SubmissionRules.Text(PlainText.From(value), path, max));

    private static string Required(string? value, string path, int max) => Rule(() => SubmissionRules.Required(PlainText.From(value), path, max));

    private static string? Url(string? value, string path) => Rule(() => SubmissionRules.WebAddress(value, path));

    private static string? Email(string? value, string path) => Rule(() => SubmissionRules.Email(value, path));

    /// <summary>The submission rules, reporting their problem against the import's field path.</summary>
    private static T Rule<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (InputError e)
        {
            throw new ImportProblem(e.Field, e.Message.StartsWith(e.Field + ": ", StringComparison.Ordinal) ? e.Message[(e.Field.Length + 2)..] : e.Message);
        }
    }

    private static string? Key(Guid id) => id == Guid.Empty ? null : id.ToString("N");

    private Guid Child(Guid ownerId, string kind, string? sourceKey, int index) =>
        _keepSourceIds && Guid.TryParseExact(sourceKey, "N", out var sourceId) && _usedIds.Add(sourceId)
            ? sourceId
            : DeterministicGuid.Create(ownerId, $"import/{kind}/{sourceKey ?? index.ToString(CultureInfo.InvariantCulture)}");

    private static string Number(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "none";

    private static string Number(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "none";
}
