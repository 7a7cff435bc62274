namespace Signpost.Site;

/// <summary>The map picture (tile) server's address template, as Leaflet reads it.</summary>
public static class MapTiles
{
    /// <summary>An absolute http(s) address holding {z}, {x} and {y}.</summary>
    public static bool IsValidTemplate(string template) =>
        template.Contains("{z}", StringComparison.Ordinal) && template.Contains("{x}", StringComparison.Ordinal) && template.Contains("{y}", StringComparison.Ordinal)
        && Uri.TryCreate(template.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https";
}
