using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>The HSDS / ORUK page object every list answers with.</summary>
public sealed record HsdsPage<T>
{
    [JsonPropertyName("total_items")] public int TotalItems { get; init; }
    [JsonPropertyName("total_pages")] public int TotalPages { get; init; }
    /// <summary>1-based.</summary>
    [JsonPropertyName("page_number")] public int PageNumber { get; init; }
    /// <summary>The number of items on this page.</summary>
    [JsonPropertyName("size")] public int Size { get; init; }
    [JsonPropertyName("first_page")] public bool FirstPage { get; init; }
    [JsonPropertyName("last_page")] public bool LastPage { get; init; }
    [JsonPropertyName("empty")] public bool Empty { get; init; }
    [JsonPropertyName("contents")] public IReadOnlyList<T> Contents { get; init; } = [];

    /// <summary>
    /// Page <paramref name="pageNumber"/> of <paramref name="totalItems"/> at <paramref name="perPage"/>
    /// a page. An empty result is one page (the first and the last), so every field stays consistent.
    /// </summary>
    public static HsdsPage<T> Of(IReadOnlyList<T> contents, int totalItems, int pageNumber, int perPage)
    {
        var totalPages = Math.Max(1, (int)Math.Ceiling(totalItems / (double)perPage));
        return new HsdsPage<T>
        {
            TotalItems = totalItems,
            TotalPages = totalPages,
            PageNumber = pageNumber,
            Size = contents.Count,
            FirstPage = pageNumber == 1,
            LastPage = pageNumber >= totalPages,
            Empty = contents.Count == 0,
            Contents = contents,
        };
    }
}

/// <summary>ORUK <c>GET /</c>: the API's HSDS version, profile and OpenAPI document.</summary>
public sealed record HsdsApiDetails
{
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("profile")] public string Profile { get; init; } = "";
    [JsonPropertyName("openapi_url")] public string OpenApiUrl { get; init; } = "";
}
