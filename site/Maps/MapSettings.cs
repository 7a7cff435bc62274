namespace Signpost.Site;

/// <summary>
/// What a page needs to offer a map: the tile server and its credit. Null on the model when the
/// build has no map (Leaflet not installed, or no tile server configured).
/// </summary>
public sealed record MapSettings(string TileUrl, string Attribution, string ProviderName)
{
    public static MapSettings? For(SiteOptions options, string? leafletFolder) =>
        leafletFolder is not null && options.MapTileUrl is { Length: > 0 } tiles ? new(tiles, options.MapAttribution, options.MapProviderName) : null;
}
