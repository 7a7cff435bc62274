using System.Net;

namespace Signpost.Site.Pages.Developers;

/// <summary>
/// The HTML another site pastes to embed the finder, with absolute addresses so it works on any
/// page. <c>site/assets/developers.js</c> writes the same markup from the builder's choices.
/// </summary>
public static class EmbedSnippet
{
    /// <summary>The default example: a postcode box, the site's own defaults for everything else.</summary>
    public static string Default(SiteOptions options)
    {
        var site = options.BaseUri.ToString();
        var api = WriteWidget.PublicApi(options).ToString();
        return $"""
            <script src="{Attr(new Uri(options.BaseUri, WriteWidget.Url.TrimStart('/')).ToString())}" defer></script>
            <signpost-finder api="{Attr(api)}" site="{Attr(site)}" radius="5" count="5">
              <a href="{Attr(site + "search/")}">Find services near you on {WebUtility.HtmlEncode(options.Name)}</a>
            </signpost-finder>
            """;
    }

    private static string Attr(string value) => WebUtility.HtmlEncode(value);
}
