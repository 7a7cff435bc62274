using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signpost.Search;

/// <summary>
/// An opaque Relay cursor: the sort values of the last row seen, so the next page starts strictly
/// after it (keyset paging), which stays stable when many rows share a distance.
/// </summary>
public sealed record SearchCursor(
    [property: JsonPropertyName("o")] SearchOrder Order,
    [property: JsonPropertyName("d")] double? SortDistance,
    [property: JsonPropertyName("r")] double? Rank,
    [property: JsonPropertyName("n")] string? Name,
    [property: JsonPropertyName("i")] Guid Id)
{
    public static SearchCursor For(SearchOrder order, ServiceSearchHit hit) => new(
        order,
        order == SearchOrder.Distance ? hit.SortDistance : null,
        order is SearchOrder.Distance or SearchOrder.Relevance ? hit.Rank : null,
        order == SearchOrder.Name ? hit.Name : null,
        hit.Id);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? value, out SearchCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 1024)
        {
            return false;
        }

        try
        {
            cursor = JsonSerializer.Deserialize<SearchCursor>(Base64Url.DecodeFromChars(value));
            return cursor is not null && cursor.Id != Guid.Empty;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether this cursor can continue a search ordered this way.</summary>
    public bool Fits(SearchOrder order, bool hasText) => Order == order && order switch
    {
        SearchOrder.Distance => SortDistance is not null && (Rank is not null) == hasText,
        SearchOrder.Relevance => Rank is not null,
        _ => Name is not null,
    };
}
