using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signpost.Search;

/// <summary>
/// An opaque Relay cursor: the sort values of the last row seen, so the next page starts strictly
/// after it (keyset paging), which stays stable when many rows share a distance or a name.
/// <see cref="Version"/> changes with the ordering contract: a cursor from another contract is
/// refused rather than continuing somewhere else.
/// </summary>
public sealed record SearchCursor(
    [property: JsonPropertyName("v")] int Version,
    [property: JsonPropertyName("o")] SearchOrder Order,
    [property: JsonPropertyName("i")] Guid Id)
{
    /// <summary>The contract in force: reach groups, distance to the nearest location whatever the radius, five orders.</summary>
    public const int CurrentVersion = 2;

    /// <summary>Distance order: 0 for services reaching the point with a location, 1 through a service area only.</summary>
    [JsonPropertyName("g")]
    public int? Group { get; init; }

    /// <summary>Distance order: squared chord length to the nearest location (null: the service has none).</summary>
    [JsonPropertyName("d")]
    public double? Chord2 { get; init; }

    /// <summary>Relevance order: the text rank (lower is better).</summary>
    [JsonPropertyName("r")]
    public double? Rank { get; init; }

    /// <summary>Name order: the name; last-verified order: the date (empty when never verified).</summary>
    [JsonPropertyName("k")]
    public string? Key { get; init; }

    /// <summary>Recently-added order: the row's insertion key.</summary>
    [JsonPropertyName("n")]
    public long? Row { get; init; }

    public static SearchCursor ForDistance(ServiceReach reach, double? chord2, Guid id) =>
        new(CurrentVersion, SearchOrder.Distance, id) { Group = reach == ServiceReach.Location ? 0 : 1, Chord2 = chord2 };

    public static SearchCursor ForRelevance(double rank, Guid id) => new(CurrentVersion, SearchOrder.Relevance, id) { Rank = rank };

    public static SearchCursor ForName(string name, Guid id) => new(CurrentVersion, SearchOrder.Name, id) { Key = name };

    public static SearchCursor ForLastVerified(string date, Guid id) => new(CurrentVersion, SearchOrder.LastVerified, id) { Key = date };

    public static SearchCursor ForRecentlyAdded(long row, Guid id) => new(CurrentVersion, SearchOrder.RecentlyAdded, id) { Row = row };

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    public static bool TryDecode(string? value, out SearchCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            return false;
        }

        try
        {
            cursor = JsonSerializer.Deserialize<SearchCursor>(Base64Url.DecodeFromChars(value), Json);
            return cursor is not null && cursor.Id != Guid.Empty;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether this cursor can continue a search in this order under the current contract.</summary>
    public bool Fits(SearchOrder order) => Version == CurrentVersion && Order == order && order switch
    {
        // A squared chord between unit vectors is 0 to 4: anything else was not made here, and a
        // negative one would make no circle to widen from.
        SearchOrder.Distance => Group is 0 && Chord2 is >= 0 and <= 4 || Group is 1 && Chord2 is null or (>= 0 and <= 4),
        SearchOrder.Relevance => Rank is not null,
        SearchOrder.Name or SearchOrder.LastVerified => Key is not null,
        SearchOrder.RecentlyAdded => Row is not null,
        _ => false,
    };
}
