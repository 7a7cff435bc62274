using System.Text.Json;
using Signpost.Site.Api;

namespace Signpost.Site.Pages;

/// <summary>
/// schema.org JSON-LD for a service page. System.Text.Json's default encoder writes &lt;, &gt;,
/// &amp; and quotes as \u escapes, so no value can close the script element it sits in.
/// </summary>
public static class ServiceJsonLd
{
    public static string For(ServiceEntry entry, SiteModel site)
    {
        var s = entry.Service;
        var url = new Uri(site.Options.BaseUri, entry.Url.TrimStart('/')).ToString();
        return JsonSerializer.Serialize(Obj(
            ("@context", "https://schema.org"),
            ("@type", "Service"),
            ("@id", url),
            ("name", s.Name),
            ("description", s.Description),
            ("url", url),
            ("serviceType", s.Categories.Select(c => c.Name).ToArray()),
            ("isAccessibleForFree", s.IsFree),
            ("provider", Obj(("@type", "Organization"), ("name", s.Organization.Name), ("url", Text.SafeWebUrl(s.Organization.Website)))),
            ("areaServed", s.ServiceAreas.Count > 0 ? s.ServiceAreas.Select(a => a.Name).ToArray() : null),
            ("availableChannel", Obj(
                ("@type", "ServiceChannel"),
                ("serviceUrl", Text.SafeWebUrl(s.Url)),
                ("servicePhone", s.Phones.Select(p => Obj(("@type", "ContactPoint"), ("telephone", p.Number))).FirstOrDefault()),
                ("serviceLocation", s.Locations.Where(l => l.Address is not null || l.Latitude is not null).Select(Place).ToArray())))));
    }

    private static Dictionary<string, object?> Place(Location location) => Obj(
        ("@type", "Place"),
        ("name", location.Name),
        ("address", location.Address is { } a
            ? Obj(("@type", "PostalAddress"),
                  ("streetAddress", a.Address2 is { Length: > 0 } ? $"{a.Address1}, {a.Address2}" : a.Address1),
                  ("addressLocality", a.City), ("addressRegion", a.StateProvince), ("postalCode", a.PostalCode), ("addressCountry", "GB"))
            : null),
        ("geo", location is { Latitude: { } lat, Longitude: { } lon }
            ? Obj(("@type", "GeoCoordinates"), ("latitude", lat), ("longitude", lon))
            : null));

    /// <summary>A JSON object of the members that have a value, in the order given.</summary>
    private static Dictionary<string, object?> Obj(params (string Name, object? Value)[] members) =>
        members.Where(m => m.Value is not null and not Array { Length: 0 }).ToDictionary(m => m.Name, m => m.Value);
}
