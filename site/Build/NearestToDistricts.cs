using Signpost.Geo;
using Signpost.Site.Api;

namespace Signpost.Site;

/// <summary>
/// For the pages that find services without JavaScript: each postcode district's nearest
/// services with a place within <see cref="RadiusMiles"/> of its centre, nearest first (ties by
/// name, then id), at most <see cref="PerDistrict"/>; then, as the search's second group, the
/// services not listed whose service area covers the centre (phone lines, home visits), nearest
/// place first and those with none last, at most <see cref="PerDistrict"/> too. Districts with
/// neither get no page. Services' places are bucketed in a coarse grid, so each district measures
/// only those near it.
/// </summary>
public static class NearestToDistricts
{
    public const int RadiusMiles = 25;
    public const int PerDistrict = 30;
    private const double KmPerMile = 1.609344;
    private const double CellDegrees = 0.5;

    public static IReadOnlyList<DistrictEntry> Run(IReadOnlyList<PostcodeDistrict> districts, IReadOnlyList<ServiceEntry> services)
    {
        var radiusKm = RadiusMiles * KmPerMile;
        var grid = new Dictionary<(int, int), List<(ServiceEntry Entry, GeoPoint Point)>>();
        foreach (var entry in services)
        {
            foreach (var l in entry.Service.Locations.Where(l => l.Latitude is not null && l.Longitude is not null))
            {
                var point = new GeoPoint(l.Latitude!.Value, l.Longitude!.Value);
                var cell = Cell(point.Latitude, point.Longitude);
                if (!grid.TryGetValue(cell, out var list))
                {
                    grid[cell] = list = [];
                }

                list.Add((entry, point));
            }
        }

        var reaching = services.Select(s => (Entry: s, Areas: AreaRings.Of(s.Service))).Where(s => s.Areas.Count > 0).ToList();
        var result = new List<DistrictEntry>();
        foreach (var district in districts)
        {
            var centre = new GeoPoint(district.Latitude, district.Longitude);
            var latSpan = radiusKm / 111.0;
            var lonSpan = radiusKm / (111.0 * Math.Max(0.1, Math.Cos(district.Latitude * Math.PI / 180)));
            var (south, west) = Cell(district.Latitude - latSpan, district.Longitude - lonSpan);
            var (north, east) = Cell(district.Latitude + latSpan, district.Longitude + lonSpan);
            var nearest = new Dictionary<string, (ServiceEntry Entry, double Km)>(StringComparer.Ordinal);
            for (var y = south; y <= north; y++)
            {
                for (var x = west; x <= east; x++)
                {
                    if (!grid.TryGetValue((y, x), out var places))
                    {
                        continue;
                    }

                    foreach (var (entry, point) in places)
                    {
                        var km = GreatCircle.DistanceKm(centre, point);
                        if (km <= radiusKm && (!nearest.TryGetValue(entry.Service.Id, out var seen) || km < seen.Km))
                        {
                            nearest[entry.Service.Id] = (entry, km);
                        }
                    }
                }
            }

            var listed = nearest.Values
                .OrderBy(n => n.Km).ThenBy(n => n.Entry.Service.Name, StringComparer.OrdinalIgnoreCase).ThenBy(n => n.Entry.Service.Id, StringComparer.OrdinalIgnoreCase)
                .Take(PerDistrict)
                .Select(n => new NearbyService(n.Entry, n.Km / KmPerMile))
                .ToList();
            var alsoServing = AlsoServing(centre, listed, reaching);
            if (listed.Count == 0 && alsoServing.Count == 0)
            {
                continue;
            }

            result.Add(new DistrictEntry(district.Outcode, district.Place, SiteUrls.District(district.Outcode), listed, alsoServing));
        }

        return result;
    }

    /// <summary>
    /// The services not <paramref name="listed"/> whose service area covers the centre, ordered as
    /// the town pages and the browser search order that group: nearest place first, none last, then
    /// by name and id.
    /// </summary>
    private static IReadOnlyList<ServiceEntry> AlsoServing(GeoPoint centre, List<NearbyService> listed, List<(ServiceEntry Entry, List<AreaRings> Areas)> reaching)
    {
        var shown = listed.Select(n => n.Entry.Service.Id).ToHashSet(StringComparer.Ordinal);
        return reaching
            .Where(r => !shown.Contains(r.Entry.Service.Id) && r.Areas.Any(a => a.Covers(centre.Latitude, centre.Longitude)))
            .Select(r => (r.Entry, Km: r.Entry.Service.Locations.Where(l => l.Latitude is not null && l.Longitude is not null)
                .Select(l => (double?)GreatCircle.DistanceKm(centre, new GeoPoint(l.Latitude!.Value, l.Longitude!.Value))).Min()))
            .OrderBy(r => r.Km ?? double.PositiveInfinity)
            .ThenBy(r => r.Entry.Service.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Entry.Service.Id, StringComparer.Ordinal)
            .Take(PerDistrict)
            .Select(r => r.Entry)
            .ToList();
    }

    private static (int, int) Cell(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));
}

/// <summary>
/// A postcode district with a page: its nearest services, nearest first, then the services that
/// reach it only through a service area covering its centre (<paramref name="AlsoServing"/>).
/// </summary>
public sealed record DistrictEntry(string Outcode, string Place, string Url, IReadOnlyList<NearbyService> Nearest, IReadOnlyList<ServiceEntry> AlsoServing)
{
    /// <summary>The postcode area: the letters the district starts with ("EX" for EX10).</summary>
    public string Area => new(Outcode.TakeWhile(char.IsAsciiLetter).ToArray());

    /// <summary>The district's number within its area, for postcode order: EX9 before EX10.</summary>
    public int Number => int.Parse(new string(Outcode.SkipWhile(char.IsAsciiLetter).TakeWhile(char.IsAsciiDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record NearbyService(ServiceEntry Entry, double Miles);
