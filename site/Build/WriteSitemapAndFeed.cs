using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Signpost.Site;

/// <summary>Step 7: sitemap.xml, robots.txt and an Atom feed of new and updated services.</summary>
public static class WriteSitemapAndFeed
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public const int FeedSize = 50;

    public static void Run(SiteModel site, IReadOnlyList<PagePlan> pages, string outputFolder)
    {
        var baseUri = site.Options.BaseUri;
        var modified = site.Services.ToDictionary(s => s.Url, s => s.Service.LastModified, StringComparer.Ordinal);
        var sitemap = new XElement(Sitemap + "urlset",
            pages.Where(p => p.Url.EndsWith('/')).OrderBy(p => p.Url, StringComparer.Ordinal).Select(p =>
                new XElement(Sitemap + "url",
                    new XElement(Sitemap + "loc", Absolute(baseUri, p.Url)),
                    modified.TryGetValue(p.Url, out var at) ? new XElement(Sitemap + "lastmod", at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null)));
        Save(new XDocument(new XDeclaration("1.0", "utf-8", null), sitemap), Path.Combine(outputFolder, "sitemap.xml"));

        File.WriteAllText(Path.Combine(outputFolder, "robots.txt"), $"User-agent: *\nAllow: /\nSitemap: {Absolute(baseUri, "/sitemap.xml")}\n");

        var latest = site.Services.OrderByDescending(s => s.Service.LastModified).ThenBy(s => s.Service.Id, StringComparer.Ordinal).Take(FeedSize);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", $"{site.Options.Name}: new and updated services"),
            new XElement(Atom + "id", Absolute(baseUri, SiteUrls.Feed)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", Absolute(baseUri, SiteUrls.Feed))),
            new XElement(Atom + "link", new XAttribute("href", Absolute(baseUri, "/"))),
            new XElement(Atom + "updated", Stamp(site.LastModified)),
            new XElement(Atom + "author", new XElement(Atom + "name", site.Options.Name)),
            latest.Select(s => new XElement(Atom + "entry",
                new XElement(Atom + "title", s.Service.Name),
                new XElement(Atom + "id", $"urn:uuid:{s.Service.Id}"),
                new XElement(Atom + "link", new XAttribute("href", Absolute(baseUri, s.Url))),
                new XElement(Atom + "updated", Stamp(s.Service.LastModified)),
                new XElement(Atom + "summary", Pages.Text.Summary(s.Service.Description ?? s.Service.Name, 300)))));
        Save(new XDocument(new XDeclaration("1.0", "utf-8", null), feed), Path.Combine(outputFolder, "feed.xml"));
    }

    private static string Absolute(Uri baseUri, string path) => new Uri(baseUri, path.TrimStart('/')).ToString();

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static void Save(XDocument document, string path)
    {
        // Control characters cannot appear in XML 1.0; text from the API is checked, not trusted.
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), CheckCharacters = true });
        document.Save(writer);
    }
}
