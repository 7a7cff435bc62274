using System.Globalization;
using Signpost.Moderation;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// A listing as field path → text (<c>name</c>, <c>phones[0].number</c>, <c>locations[0].addresses[0].postalCode</c>),
/// built the same way from what is stored and from what a source sends. Equal snapshots mean the
/// import changes nothing; otherwise the differing paths are the audit entry's field changes.
/// Lists are ordered by id, so the same data always gives the same paths.
/// </summary>
public static class ListingSnapshot
{
    public static SortedDictionary<string, string?> Of(Service s, Organization o, IEnumerable<Location> locations, LocationDetails details, IReadOnlyCollection<ServiceAttribute> attributes)
    {
        var f = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        Add(f, "name", s.Name);
        Add(f, "alternateName", s.AlternateName);
        Add(f, "description", s.Description);
        Add(f, "url", s.Url);
        Add(f, "email", s.Email);
        Add(f, "status", s.Status.ToHsds());
        Add(f, "interpretationServices", s.InterpretationServices);
        Add(f, "applicationProcess", s.ApplicationProcess);
        Add(f, "feesDescription", s.FeesDescription);
        Add(f, "eligibilityDescription", s.EligibilityDescription);
        Add(f, "minimumAge", Text(s.MinimumAge));
        Add(f, "maximumAge", Text(s.MaximumAge));
        Add(f, "alert", s.Alert);
        Add(f, "lastVerified", Text(s.AssuredDate));
        Add(f, "organization.id", o.Id.ToString("D"));
        Add(f, "organization.name", o.Name);
        Add(f, "organization.alternateName", o.AlternateName);
        Add(f, "organization.description", o.Description);
        Add(f, "organization.email", o.Email);
        Add(f, "organization.website", o.Website);
        Add(f, "organization.legalStatus", o.LegalStatus);
        Add(f, "organization.uri", o.Uri);
        Phones(f, "organization.phones", o.Phones);
        Contacts(f, "organization.contacts", o.Contacts);
        Phones(f, "phones", s.Phones);
        Contacts(f, "contacts", s.Contacts);
        Schedules(f, "schedules", s.Schedules);
        Each(f, "serviceAreas", s.ServiceAreas, x => x.Id, (p, x) =>
        {
            Add(f, $"{p}.name", x.Name);
            Add(f, $"{p}.description", x.Description);
            Add(f, $"{p}.extent", x.Extent);
            Add(f, $"{p}.uri", x.Uri);
        });
        Each(f, "costOptions", s.CostOptions, x => x.Id, (p, x) =>
        {
            Add(f, $"{p}.option", x.Option);
            Add(f, $"{p}.amount", x.Amount?.ToString("0.##########", CultureInfo.InvariantCulture));
            Add(f, $"{p}.currency", x.Currency);
            Add(f, $"{p}.amountDescription", x.AmountDescription);
            Add(f, $"{p}.validFrom", Text(x.ValidFrom));
            Add(f, $"{p}.validTo", Text(x.ValidTo));
        });
        Languages(f, "languages", s.Languages);
        var descriptions = s.ServiceAtLocations.ToDictionary(a => a.LocationId, a => a.Description);
        Each(f, "locations", locations, l => l.Id, (p, l) =>
        {
            Add(f, $"{p}.id", l.Id.ToString("D"));
            Add(f, $"{p}.locationType", l.LocationType.ToString().ToLowerInvariant());
            Add(f, $"{p}.name", l.Name);
            Add(f, $"{p}.alternateName", l.AlternateName);
            Add(f, $"{p}.description", l.Description);
            Add(f, $"{p}.transportation", l.Transportation);
            Add(f, $"{p}.externalIdentifier", l.ExternalIdentifier);
            Add(f, $"{p}.latitude", l.Latitude?.ToString("R", CultureInfo.InvariantCulture));
            Add(f, $"{p}.longitude", l.Longitude?.ToString("R", CultureInfo.InvariantCulture));
            Add(f, $"{p}.serviceDescription", descriptions.GetValueOrDefault(l.Id));
            Each(f, $"{p}.addresses", l.Addresses, a => a.Id, (q, a) =>
            {
                Add(f, $"{q}.attention", a.Attention);
                Add(f, $"{q}.address1", a.Address1);
                Add(f, $"{q}.address2", a.Address2);
                Add(f, $"{q}.city", a.City);
                Add(f, $"{q}.region", a.Region);
                Add(f, $"{q}.stateProvince", a.StateProvince);
                Add(f, $"{q}.postalCode", a.PostalCode);
                Add(f, $"{q}.country", a.Country);
                Add(f, $"{q}.addressType", a.AddressType);
            });
            Each(f, $"{p}.accessibility", l.Accessibility, a => a.Id, (q, a) =>
            {
                Add(f, $"{q}.description", a.Description);
                Add(f, $"{q}.details", a.Details);
                Add(f, $"{q}.url", a.Url);
            });
            Phones(f, $"{p}.phones", l.Phones);
            Languages(f, $"{p}.languages", details.Languages.Where(x => x.LocationId == l.Id));
            Schedules(f, $"{p}.schedules", details.Schedules.Where(x => x.LocationId == l.Id));
        });
        Add(f, "terms", string.Join(",", attributes.Select(a => a.TaxonomyTermId).Distinct().Order().Select(t => t.ToString("D"))));
        foreach (var a in attributes)
        {
            Add(f, $"terms[{a.TaxonomyTermId:D}].linkType", a.LinkType);
            Add(f, $"terms[{a.TaxonomyTermId:D}].value", a.Value);
        }

        return f;
    }

    /// <summary>Each field whose value differs, with its old and new value.</summary>
    public static List<FieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldChange(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .Where(c => c.OldValue != c.NewValue)
            .ToList();

    private static void Contacts(SortedDictionary<string, string?> f, string path, IEnumerable<Contact> contacts) =>
        Each(f, path, contacts, c => c.Id, (p, c) =>
        {
            Add(f, $"{p}.name", c.Name);
            Add(f, $"{p}.title", c.Title);
            Add(f, $"{p}.department", c.Department);
            Add(f, $"{p}.email", c.Email);
            Phones(f, $"{p}.phones", c.Phones);
        });

    private static void Schedules(SortedDictionary<string, string?> f, string path, IEnumerable<Schedule> schedules) =>
        Each(f, path, schedules, x => x.Id, (p, x) =>
        {
            Add(f, $"{p}.freq", x.Freq);
            Add(f, $"{p}.interval", Text(x.Interval));
            Add(f, $"{p}.byDay", x.ByDay);
            Add(f, $"{p}.opensAt", x.OpensAt);
            Add(f, $"{p}.closesAt", x.ClosesAt);
            Add(f, $"{p}.dtStart", Text(x.DtStart));
            Add(f, $"{p}.until", Text(x.Until));
            Add(f, $"{p}.validFrom", Text(x.ValidFrom));
            Add(f, $"{p}.validTo", Text(x.ValidTo));
            Add(f, $"{p}.description", x.Description);
            Add(f, $"{p}.notes", x.Notes);
        });

    private static void Languages(SortedDictionary<string, string?> f, string path, IEnumerable<Language> languages) =>
        Each(f, path, languages, x => x.Id, (p, x) =>
        {
            Add(f, $"{p}.name", x.Name);
            Add(f, $"{p}.code", x.Code);
            Add(f, $"{p}.note", x.Note);
        });

    private static void Phones(SortedDictionary<string, string?> f, string path, IEnumerable<Phone> phones) =>
        Each(f, path, phones, x => x.Id, (p, x) =>
        {
            Add(f, $"{p}.number", x.Number);
            Add(f, $"{p}.extension", x.Extension);
            Add(f, $"{p}.type", x.Type);
            Add(f, $"{p}.description", x.Description);
        });

    private static void Each<T>(SortedDictionary<string, string?> f, string path, IEnumerable<T> items, Func<T, Guid> id, Action<string, T> add)
    {
        var index = 0;
        foreach (var item in items.OrderBy(id))
        {
            add($"{path}[{index++}]", item);
        }
    }

    private static void Add(SortedDictionary<string, string?> f, string path, string? value)
    {
        if (value is not null)
        {
            f[path] = value;
        }
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
