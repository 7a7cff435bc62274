using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Signpost.Site.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Signpost.Site.Tests;

[Collection(BuiltSiteCollection.Name)]
public sealed class SiteOutputTests(BuiltSite site)
{
    [Fact]
    public void TheSiteHasEveryKindOfPage()
    {
        foreach (var file in new[] { "index.html", "search/index.html", "categories/index.html", "areas/index.html", "404.html",
                                      "about/index.html", "privacy/index.html", "get-listed/index.html",
                                      "list-your-service/index.html", "suggest-a-change/index.html", "report-a-problem/index.html",
                                      "sitemap.xml", "robots.txt", "feed.xml", "build.json", "assets/site.css", "assets/print.css",
                                      "assets/search.js", "index/meta.json", "index/postcodes.json" })
        {
            Assert.True(File.Exists(Path.Combine(site.Output, file)), $"{file} is missing");
        }

        Assert.Equal(site.Result.Manifest.Services, Directory.GetDirectories(Path.Combine(site.Output, "services")).Length);
        Assert.True(site.Result.Manifest.Services > 300, $"only {site.Result.Manifest.Services} services");
        Assert.NotEmpty(Directory.GetDirectories(Path.Combine(site.Output, "organisations")));
    }

    [Fact]
    public void EveryInternalLinkResolves()
    {
        Assert.Empty(CheckLinks.Run(site.Output));
    }

    [Fact]
    public void ABrokenLinkIsFound()
    {
        var folder = Directory.CreateTempSubdirectory("signpost-links-").FullName;
        File.WriteAllText(Path.Combine(folder, "index.html"), """<a href="/missing/">x</a> <a href="https://example.org/">y</a> <img src="/index.html">""");

        var broken = CheckLinks.Run(folder);

        Assert.Equal(["index.html → /missing/"], broken);
        SiteApiFactory.TryDelete(folder);
    }

    [Fact]
    public void EveryPageIsWellFormedHtml()
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });
        foreach (var page in site.Pages())
        {
            var problem = Record.Exception(() => parser.ParseDocument(File.ReadAllText(page)));
            Assert.True(problem is null, $"{Path.GetRelativePath(site.Output, page)}: {problem?.Message}");
        }
    }

    [Fact]
    public void EveryPageWeighsLessThan60KilobytesWithItsStylesAndScript()
    {
        var css = new FileInfo(Path.Combine(site.Output, "assets", "site.css")).Length + new FileInfo(Path.Combine(site.Output, "assets", "print.css")).Length;
        var scripts = Directory.GetFiles(Path.Combine(site.Output, "assets"), "*.js").ToDictionary(f => "/assets/" + Path.GetFileName(f), f => new FileInfo(f).Length);
        foreach (var page in site.Pages())
        {
            var html = File.ReadAllText(page);
            var weight = new FileInfo(page).Length + css + scripts.Where(s => html.Contains(s.Key, StringComparison.Ordinal)).Sum(s => s.Value);
            Assert.True(weight < 60 * 1024, $"{Path.GetRelativePath(site.Output, page)} weighs {weight:N0} bytes");
        }
    }

    [Fact]
    public void NoPageRequestsAnythingFromAnotherSite()
    {
        var parser = new HtmlParser();
        foreach (var page in site.Pages())
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var loads = document.QuerySelectorAll("script[src], link[rel=stylesheet], img, iframe, video, audio, source")
                .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "");
            Assert.All(loads, url => Assert.True(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal), $"{page} loads {url}"));
        }
    }

    [Fact]
    public void TheSitemapListsEveryPageAtItsPublicAddress()
    {
        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")!.Value).ToList();

        Assert.Equal(site.Pages().Count(p => !p.EndsWith("404.html", StringComparison.Ordinal)), urls.Count);
        Assert.All(urls, u => Assert.StartsWith("https://signpost.example.org/", u));
        Assert.Contains("Sitemap: https://signpost.example.org/sitemap.xml", site.Read("robots.txt"));
    }

    [Fact]
    public void TheFeedIsAtomWithTheNewestServicesFirst()
    {
        var feed = XDocument.Load(Path.Combine(site.Output, "feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();

        Assert.Equal(WriteSitemapAndFeed.FeedSize, entries.Count);
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal(feed.Root.Element(atom + "updated")!.Value, entries[0].Element(atom + "updated")!.Value);
    }

    [Fact]
    public async Task AServicePageSaysWhenWhereAndHowToGetInTouch()
    {
        // A real seed listing with a monthly session, a place and a phone number.
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var monthly = services.First(s => s.Schedules.Any(h => h.Freq == "MONTHLY") && s.Phones.Count > 0 && s.Locations.Any(l => l.Address is not null));

        var html = site.Read(SiteUrls.FileFor(SiteUrls.Service(monthly.Name, monthly.Id)));
        var hours = new HtmlParser().ParseDocument(html).QuerySelectorAll("ul.hours li").Select(li => li.TextContent);

        Assert.Contains(monthly.Schedules.First(h => h.Freq == "MONTHLY").Text, hours);
        Assert.Contains($"href=\"{Pages.Text.TelHref(monthly.Phones[0].Number)}\"", html);
        Assert.Contains("https://www.openstreetmap.org/?mlat=", html);
        Assert.Contains("Suggest a change", html);
        Assert.Contains("Report a problem", html);
        Assert.Contains(monthly.LastVerified is { } v ? $"Last checked {Pages.Text.Date(v)}." : "Not yet checked", html);
    }

    [Fact]
    public void TheSidmouthCarersCafePageIsTheReviewedRendering()
    {
        // A reviewed, whole service page: any change to what residents see is a visible diff.
        var html = site.Read(SiteUrls.FileFor(SiteUrls.Service("Sidmouth Carers' Café", "f62fa960-b043-50f3-889c-d375c4a78836")));

        Snapshot.Match(html);
    }

    [Fact]
    public async Task ATownPageListsTheServicesThatAlsoServeItAfterItsOwnNearestFirst()
    {
        // Sidbury: two services meet in the village, and many Sid Valley and Devon services reach it
        // by phone or home visits, some based nearby in Sidmouth and some in Exeter or Exmouth.
        var (own, alsoServing) = await TownAsync("Sidbury");
        Assert.True(alsoServing.Count > 5, $"only {alsoServing.Count} services also serve Sidbury");

        var document = new HtmlParser().ParseDocument(site.Read(SiteUrls.FileFor(SiteUrls.Area("Sidbury"))));
        var lists = document.QuerySelectorAll("main ul.services").ToList();

        Assert.Equal(2, lists.Count);
        Assert.Equal(own, Links(lists[0]));
        Assert.Equal("Also serving Sidbury", document.QuerySelector("#also-serving")!.TextContent);
        Assert.Same(lists[1], document.QuerySelector("#also-serving ~ ul.services"));
        Assert.Equal(alsoServing, Links(lists[1]));
    }

    [Fact]
    public void ATownsSpecificNeedPagesAreOfferedOnlyFromLongListsAndEachListsSomeButNotAllOfItsBroadNeed()
    {
        var parser = new HtmlParser();
        int Listed(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("main ul.services > li").Length;
        var offered = 0;
        foreach (var file in site.Pages().Where(p => Path.GetRelativePath(site.Output, p).Split(Path.DirectorySeparatorChar) is ["areas", _, _, "index.html"]))
        {
            var page = parser.ParseDocument(File.ReadAllText(file));
            var specific = page.QuerySelectorAll("nav[aria-labelledby='by-specific-need-heading'] a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.True(specific.Count == 0 || Listed(page) > 10, $"{file} offers specific needs for a short list");
            foreach (var url in specific)
            {
                offered++;
                Assert.InRange(Listed(parser.ParseDocument(site.Read(SiteUrls.FileFor(url)))), 1, Listed(page) - 1);
            }
        }

        Assert.True(offered > 0, "some town offers specific needs");
    }

    [Fact]
    public async Task ATownsPagesHoldItsOwnServicesThenTheOnesThatAlsoServeItAsOneList()
    {
        var (own, alsoServing) = await TownAsync("Sidbury");
        Assert.InRange(own.Count + alsoServing.Count, 21, 30); // three pages of ten
        var options = site.OptionsWithoutWordSearch(Path.Combine(Directory.CreateTempSubdirectory("signpost-pages-").FullName, "site"));
        options.ListingPageSize = 10; // the smallest page, so Sidbury's two groups take three pages
        await site.PublishAsync(options);

        var parser = new HtmlParser();
        var pages = Enumerable.Range(1, 3)
            .Select(n => parser.ParseDocument(File.ReadAllText(Path.Combine(options.Output, SiteUrls.FileFor(SiteUrls.Paged(SiteUrls.Area("Sidbury"), n))))))
            .ToList();

        Assert.Equal(own.Concat(alsoServing), pages.SelectMany(p => p.QuerySelectorAll("main ul.services").SelectMany(Links)));
        Assert.All(pages, p => Assert.True(p.QuerySelectorAll("main ul.services > li").Length <= 10));
        Assert.NotNull(pages[0].QuerySelector("#also-serving")); // the group starts on the first page, after the town's own
        Assert.False(File.Exists(Path.Combine(options.Output, SiteUrls.FileFor(SiteUrls.Paged(SiteUrls.Area("Sidbury"), 4)))));
        SiteApiFactory.TryDelete(Path.GetDirectoryName(options.Output)!);
    }

    [Fact]
    public void EveryServicePageCarriesSchemaOrgJsonLd()
    {
        var parser = new HtmlParser();
        foreach (var page in Directory.GetFiles(Path.Combine(site.Output, "services"), "index.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var script = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
            using var json = JsonDocument.Parse(script.TextContent);
            Assert.Equal("Service", json.RootElement.GetProperty("@type").GetString());
            Assert.Equal(document.QuerySelector("h1")!.TextContent, json.RootElement.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task CategoryPagesListTheirServicesForReadersWithoutJavaScript()
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var dementia = services.Where(s => s.Categories.Any(c => c.Code == "dementia")).ToList();
        Assert.NotEmpty(dementia);

        var html = site.Read(SiteUrls.FileFor(SiteUrls.Category("dementia")));
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("ul.services h3 a").Select(a => a.GetAttribute("href")).ToHashSet();

        Assert.All(dementia.Take(site.Options("x").ListingPageSize), s => Assert.Contains(SiteUrls.Service(s.Name, s.Id), links));
        // The only script is the shortlist's, which adds its buttons to a list that is complete without it.
        var scripts = html.Replace("application/ld", "", StringComparison.Ordinal).Replace("""<script src="/assets/shortlist.js" defer></script>""", "", StringComparison.Ordinal);
        Assert.DoesNotContain("<script", scripts, StringComparison.Ordinal);
    }

    /// <summary>
    /// A town's pages as the API would order them: its own services (those with a place in it) by
    /// name, then the services reaching its centre (the mean of its places) only by their service
    /// area, in the API's order for a search there.
    /// </summary>
    private async Task<(List<string> Own, List<string> AlsoServing)> TownAsync(string town)
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        bool InTown(Api.Location l) => l.LocationType == "PHYSICAL" && string.Equals(l.Address?.City.Trim(), town, StringComparison.OrdinalIgnoreCase);
        var own = services.Where(s => s.Locations.Any(InTown))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var places = own.SelectMany(s => s.Locations).Where(l => InTown(l) && l.Latitude is not null)
            .Select(l => (Lat: l.Latitude!.Value, Lon: l.Longitude!.Value)).Distinct().ToList();
        var centre = new { latitude = places.Average(p => p.Lat), longitude = places.Average(p => p.Lon) };

        // A radius of a metre: the services that cover the centre and have no place right there are
        // the API's by-area group, in its order (nearest place first, none last), ties by name.
        var found = (await ApiQueries.NearestAsync(site.Api.CreateClient(), new { near = centre, radiusKm = 0.001 })).TiesByName();
        var ownIds = own.Select(s => s.Id).ToHashSet();
        return (own.Select(s => SiteUrls.Service(s.Name, s.Id)).ToList(),
                found.Where(f => !f.ByLocation && !ownIds.Contains(f.Id)).Select(f => f.Url).ToList());
    }

    private static IEnumerable<string> Links(AngleSharp.Dom.IElement list) =>
        list.QuerySelectorAll("li h3 a").Select(a => a.GetAttribute("href")!);
}
