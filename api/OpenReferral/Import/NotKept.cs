using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral.Import;

/// <summary>
/// The fields of an HSDS service that carry a value Signpost's data model has no place for, as
/// field paths without indexes (<c>organization.funding</c>,
/// <c>service_at_locations.location.contacts</c>), each once: the importer reports them instead of
/// dropping them silently. A field is kept when it is listed under its record below; any other
/// field of a record, including one added to the HSDS records later, counts as not kept.
/// </summary>
public static class NotKept
{
    /// <summary>Every record's link fields (<c>id</c>, <c>service_id</c> …) are its place in the listing, kept by being there.</summary>
    private static readonly string[] Links = ["id", "organization_id", "service_id", "location_id", "contact_id", "phone_id", "service_at_location_id", "link_id", "link_entity"];

    private static readonly Dictionary<Type, HashSet<string>> Kept = new()
    {
        // last_modified is not kept as such: it says when the service changed in the directory serving it.
        [typeof(HsdsService)] = Fields("name", "alternate_name", "description", "url", "email", "status", "interpretation_services",
            "application_process", "fees_description", "eligibility_description", "minimum_age", "maximum_age", "assured_date", "alert",
            "last_modified", "phones", "schedules", "service_areas", "service_at_locations", "languages", "organization", "cost_options",
            "contacts", "attributes"),
        // locations: an organisation's places are kept where its services are delivered, through
        // service_at_locations; one of them a given service is not at is not this record's to report.
        [typeof(HsdsOrganization)] = Fields("name", "alternate_name", "description", "email", "website", "legal_status", "uri", "phones", "contacts", "locations"),
        // service: a link's service is the record itself.
        [typeof(HsdsServiceAtLocation)] = Fields("description", "contacts", "phones", "schedules", "location", "service"),
        // A contact belongs to an organisation or a service only: contacts has no place on a location.
        [typeof(HsdsLocation)] = Fields("location_type", "name", "alternate_name", "description", "transportation", "latitude", "longitude",
            "external_identifier", "languages", "addresses", "accessibility", "phones", "schedules"),
        [typeof(HsdsAddress)] = Fields("attention", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"),
        [typeof(HsdsAccessibility)] = Fields("description", "details", "url"),
        [typeof(HsdsPhone)] = Fields("number", "extension", "type", "description"),
        [typeof(HsdsContact)] = Fields("name", "title", "department", "email", "phones"),
        [typeof(HsdsSchedule)] = Fields("valid_from", "valid_to", "dtstart", "until", "freq", "interval", "byday", "opens_at", "closes_at", "description", "notes"),
        [typeof(HsdsServiceArea)] = Fields("name", "description", "extent", "extent_type", "uri"),
        [typeof(HsdsLanguage)] = Fields("name", "code", "note"),
        [typeof(HsdsCostOption)] = Fields("valid_from", "valid_to", "option", "currency", "amount", "amount_description"),
        [typeof(HsdsAttribute)] = Fields("taxonomy_term_id", "link_type", "value", "taxonomy_term"),
        // term: ORUK's name for the term's text, read when there is no name.
        [typeof(HsdsTaxonomyTerm)] = Fields("code", "name", "description", "parent_id", "taxonomy", "taxonomy_detail", "language", "taxonomy_id", "term_uri", "term"),
        // taxonomy_terms: only the terms a service uses are kept, with their taxonomy.
        [typeof(HsdsTaxonomy)] = Fields("name", "description", "uri", "version"),
    };

    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Properties = new();

    /// <summary>The paths of <paramref name="service"/> that are not kept, in order.</summary>
    public static List<string> Paths(HsdsService service)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        Walk(service, "", paths);

        // A link's schedules stand for the service's only where the service has none of its own.
        if ((service.Schedules ?? []).Count > 0 && (service.ServiceAtLocations ?? []).Any(a => a.Schedules is { Count: > 0 }))
        {
            paths.RemoveWhere(p => p.StartsWith("service_at_locations.schedules.", StringComparison.Ordinal));
            paths.Add("service_at_locations.schedules");
        }

        return [.. paths];
    }

    private static void Walk(object record, string path, SortedSet<string> paths)
    {
        var kept = Kept[record.GetType()];
        foreach (var (name, property) in Properties.GetOrAdd(record.GetType(), Read))
        {
            var value = property.GetValue(record);
            if (value is null or "" or ICollection { Count: 0 } || (value is Guid id && id == Guid.Empty))
            {
                continue;
            }

            var at = path.Length == 0 ? name : $"{path}.{name}";
            if (!kept.Contains(name))
            {
                paths.Add(at);
            }
            else if ((name == "service" && record is HsdsServiceAtLocation) || (name == "locations" && record is HsdsOrganization))
            {
                continue; // said above why these are not walked
            }
            else if (value is IEnumerable items and not string)
            {
                foreach (var item in items)
                {
                    if (item is not null && Kept.ContainsKey(item.GetType()))
                    {
                        Walk(item, at, paths);
                    }
                }
            }
            else if (Kept.ContainsKey(value.GetType()))
            {
                Walk(value, at, paths);
            }
        }
    }

    private static (string, PropertyInfo)[] Read(Type type) =>
        type.GetProperties().Select(p => (p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p))
            .Where(x => x.Name is not null).Select(x => (x.Name!, x.p)).ToArray();

    private static HashSet<string> Fields(params string[] kept) => [.. Links, .. kept];
}
