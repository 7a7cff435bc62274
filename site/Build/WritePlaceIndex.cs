using System.Text.Json.Nodes;

namespace Signpost.Site;

/// <summary>
/// Step 5b: the places a resident can type instead of a postcode, split into small files so a
/// search downloads a few KB: <c>index/places/{prefix}.json</c> holds the names that start with
/// that prefix of their compact form (<see cref="PlaceName"/>), each with its places, most
/// populous first; <c>index/places.json</c> lists the prefixes. A prefix holding more than
/// <see cref="MaxFileBytes"/> is split by one more letter.
/// </summary>
public static class WritePlaceIndex
{
    public const int MaxFileBytes = 16_000;

    public static PlaceIndexSummary Run(IReadOnlyList<Place> places, string outputFolder)
    {
        var folder = Path.Combine(outputFolder, "index", "places");
        Directory.CreateDirectory(folder);
        var names = places.GroupBy(p => PlaceName.Compact(p.Name), StringComparer.Ordinal)
            .Select(g => (Compact: g.Key, Json: Entry(g.ToList())))
            .OrderBy(n => n.Compact, StringComparer.Ordinal)
            .ToList();

        var keys = new List<string>();
        var largest = 0;
        Split(names, 2);
        File.WriteAllText(Path.Combine(outputFolder, "index", "places.json"), new JsonArray(keys.Select(k => (JsonNode)k).ToArray()).ToJsonString());
        return new PlaceIndexSummary(keys.Count, largest);

        void Split(IEnumerable<(string Compact, string Json)> group, int length)
        {
            foreach (var prefix in group.GroupBy(n => n.Compact[..Math.Min(length, n.Compact.Length)], StringComparer.Ordinal))
            {
                var bytes = prefix.Sum(n => n.Json.Length + n.Compact.Length + 4);
                // Names as short as the prefix stay in it: a longer prefix could not hold them.
                var longer = prefix.Where(n => n.Compact.Length > length).ToList();
                if (bytes > MaxFileBytes && longer.Count > 0 && length < 8)
                {
                    Split(longer, length + 1);
                    var shortNames = prefix.Where(n => n.Compact.Length <= length).ToList();
                    if (shortNames.Count == 0)
                    {
                        continue;
                    }

                    Write(prefix.Key, shortNames);
                    continue;
                }

                Write(prefix.Key, prefix.ToList());
            }
        }

        void Write(string key, List<(string Compact, string Json)> group)
        {
            var json = "{" + string.Join(",", group.Select(n => $"\"{n.Compact}\":{n.Json}")) + "}";
            File.WriteAllText(Path.Combine(folder, key + ".json"), json);
            keys.Add(key);
            largest = Math.Max(largest, json.Length);
        }
    }

    /// <summary>The places of one name, most populous first: [name, latitude, longitude, label].</summary>
    private static string Entry(List<Place> places)
    {
        var ordered = places.OrderByDescending(p => p.Population).ThenBy(p => p.Area, StringComparer.Ordinal).ThenBy(p => p.Outcode, StringComparer.Ordinal).ToList();
        // Two places whose area reads the same are told apart by their postcode district.
        var clashes = ordered.GroupBy(p => p.Name + ", " + p.Area, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new JsonArray(ordered.Select(p =>
        {
            var label = p.Name + ", " + p.Area;
            return (JsonNode)new JsonArray(p.Name, Math.Round(p.Latitude, 4), Math.Round(p.Longitude, 4), clashes.Contains(label) ? $"{label} ({p.Outcode})" : label);
        }).ToArray()).ToJsonString();
    }
}

public sealed record PlaceIndexSummary(int Files, int LargestFileBytes);
