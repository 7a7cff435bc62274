using System.Globalization;

namespace Signpost.Site;

/// <summary>A populated place a resident can search from, and where it is, to tell places of one name apart.</summary>
public sealed record Place(string Name, double Latitude, double Longitude, int Population, string Country, string LocalAuthority, string Outcode)
{
    /// <summary>What tells this place from others of its name: its local authority, or its country when they share the name (Newport, Wales).</summary>
    public string Area => string.Equals(LocalAuthority, Name, StringComparison.OrdinalIgnoreCase) || LocalAuthority.Length == 0 ? Country : LocalAuthority;
}

/// <summary>
/// The UK's populated places (data-seed/geo/uk-places.tsv, from GeoNames and Code-Point Open):
/// one place per name and local authority, the most populous, since a resident cannot tell two
/// hamlets of one name in one council area apart and either gives much the same search.
/// </summary>
public static class Gazetteer
{
    public static IReadOnlyList<Place> Read(string tsvFile)
    {
        var places = new Dictionary<(string, string), Place>();
        foreach (var line in File.ReadLines(tsvFile).Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length != 7)
            {
                throw new SiteBuildException($"{Path.GetFileName(tsvFile)}: expected 7 tab-separated cells but found '{line}'.");
            }

            var place = new Place(cells[0], double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture),
                int.Parse(cells[3], CultureInfo.InvariantCulture), cells[4], cells[5], cells[6]);
            var key = (PlaceName.Compact(place.Name), place.LocalAuthority);
            if (key.Item1.Length > 0 && (!places.TryGetValue(key, out var kept) || place.Population > kept.Population))
            {
                places[key] = place;
            }
        }

        return places.Values.ToList();
    }
}
