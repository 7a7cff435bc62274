using System.Collections.Frozen;
using System.Globalization;

namespace Signpost.Geo.Postcodes;

/// <summary>
/// Resolves a postcode to the centroid of its district (outcode) from the CSV tables in
/// <c>data-seed/postcodes</c> (regional, hand-checked) and <c>data-seed/geo/uk-outcodes.csv</c>
/// (every UK district): a few thousand rows at most, so they are held in memory.
/// </summary>
public sealed class OutcodeCentroidLookup : IPostcodeLookup
{
    private readonly FrozenDictionary<string, (GeoPoint Point, string Place)> _districts;

    /// <param name="csvFiles">Tables whose rows must agree wherever they list the same district.</param>
    /// <param name="fallbackFiles">
    /// Tables that only fill the districts <paramref name="csvFiles"/> do not list: the national
    /// table is computed differently, so a district's regional centre and label stay as they are.
    /// </param>
    public OutcodeCentroidLookup(IEnumerable<string> csvFiles, IEnumerable<string>? fallbackFiles = null)
    {
        var districts = Read(csvFiles);
        foreach (var (outcode, entry) in Read(fallbackFiles ?? []))
        {
            districts.TryAdd(outcode, entry);
        }

        _districts = districts.ToFrozenDictionary(StringComparer.Ordinal);
        Districts = [.. districts.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new PostcodeDistrict(d.Key, d.Value.Item1, d.Value.Item2))];
    }

    private static Dictionary<string, (GeoPoint, string)> Read(IEnumerable<string> csvFiles)
    {
        var districts = new Dictionary<string, (GeoPoint, string)>(StringComparer.Ordinal);
        foreach (var file in csvFiles.Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (lineNumber == 1 || string.IsNullOrWhiteSpace(line))
                {
                    continue; // header
                }

                var (outcode, entry) = ParseRow(line, $"{Path.GetFileName(file)}:{lineNumber}");
                if (districts.TryGetValue(outcode, out var existing) && existing != entry)
                {
                    throw new InvalidDataException($"{Path.GetFileName(file)}:{lineNumber}: district {outcode} is already listed with a different centroid.");
                }

                districts[outcode] = entry;
            }
        }

        return districts;
    }

    public IReadOnlyList<PostcodeDistrict> Districts { get; }

    public int Count => _districts.Count;

    public ValueTask<PostcodeLocation?> FindAsync(Postcode postcode, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_districts.TryGetValue(postcode.Outcode, out var d)
            ? new PostcodeLocation(postcode, d.Point, d.Place)
            : null);

    private static (string Outcode, (GeoPoint, string)) ParseRow(string line, string where)
    {
        var cells = line.Split(',');
        if (cells.Length < 4
            || !Postcode.TryParse(cells[0], out var district) || district!.Incode is not null
            || !double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !GeoPoint.IsValidLatitude(lat)
            || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || !GeoPoint.IsValidLongitude(lon))
        {
            throw new InvalidDataException($"{where}: expected 'outcode,latitude,longitude,place' but found '{line}'.");
        }

        return (district.Outcode, (new GeoPoint(lat, lon), string.Join(',', cells[3..]).Trim()));
    }
}
