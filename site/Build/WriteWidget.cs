using System.Text.Json;

namespace Signpost.Site;

/// <summary>
/// Step 6b: the embeddable finder (<c>/assets/signpost-finder.js</c>, copied and minified with the
/// other assets) learns this site's name and public addresses, so <c>&lt;signpost-finder&gt;</c>
/// on another site's page needs no attributes to find this directory.
/// </summary>
public static class WriteWidget
{
    public const string Url = "/assets/signpost-finder.js";

    public static void Run(SiteOptions options, string outputFolder)
    {
        var file = Path.Combine(outputFolder, "assets", "signpost-finder.js");
        var script = File.ReadAllText(file)
            .Replace("\"%SIGNPOST_SITE_NAME%\"", JsonSerializer.Serialize(options.Name), StringComparison.Ordinal)
            .Replace("\"%SIGNPOST_SITE%\"", JsonSerializer.Serialize(options.BaseUri.ToString()), StringComparison.Ordinal)
            .Replace("\"%SIGNPOST_API%\"", JsonSerializer.Serialize(PublicApi(options).ToString()), StringComparison.Ordinal);
        File.WriteAllText(file, script);
    }

    /// <summary>
    /// The API's address as other sites' pages reach it: the endpoint the site's own forms post to,
    /// made absolute against the site's public address when it is on the same site.
    /// </summary>
    public static Uri PublicApi(SiteOptions options) => new(options.BaseUri, options.EffectiveFormsEndpoint);
}
