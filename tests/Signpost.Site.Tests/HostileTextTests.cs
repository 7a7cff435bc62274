using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// Listings will come from the public. HostileSeed/hostile.json puts markup, event handlers and
/// javascript: URLs in every field of one organisation; the site must show them as text and never
/// run them, in any page, attribute, JSON-LD block, index file or feed.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class HostileTextTests(BuiltSite site)
{
    private const string HostileName = "<script>alert('name')</script> Hostile café";

    [Fact]
    public void NoPageContainsAnInjectedElementHandlerOrScriptUrl()
    {
        var parser = new HtmlParser();
        foreach (var page in site.Pages())
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var where = Path.GetRelativePath(site.Output, page);

            Assert.Empty(document.QuerySelectorAll("img, svg, iframe, marquee, object, embed, b, i, u"));
            foreach (var element in document.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "action"))
                {
                    Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{where}: {element.TagName} {attribute.Name}={attribute.Value}");
                }
            }

            foreach (var script in document.Scripts)
            {
                Assert.True(script.Source is "/assets/hours.js" or "/assets/search.js" or "/assets/forms.js" or "/assets/submission-status.js" or "/assets/shortlist.js" or "/assets/shortlist-page.js" or "/assets/signpost-finder.js" or "/assets/developers.js" || script.Type == "application/ld+json", $"{where}: unexpected script {script.OuterHtml}");
            }
        }
    }

    [Fact]
    public void HostileTextIsShownAsTextOnItsPages()
    {
        var service = Path.Combine(site.Output, SiteUrls.FileFor(SiteUrls.Service(HostileName, SiteApiFactory.HostileServiceId)));
        var document = new HtmlParser().ParseDocument(File.ReadAllText(service));

        Assert.Equal(HostileName, document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(HostileName, document.Title);
        Assert.Contains("\"><img src=x onerror=alert('desc')>", document.QuerySelector(".lead")!.TextContent);
        Assert.Contains(document.QuerySelectorAll("ul.hours li"), li => li.TextContent.Length > 0);
        // The javascript: website and the unusable phone number are shown, if at all, never linked.
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => a.TextContent.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.All(document.QuerySelectorAll("a[href^='tel:']"), a => Assert.Matches(@"^tel:\+?[0-9]*$", a.GetAttribute("href")!));
    }

    [Fact]
    public void JsonLdCarriesHostileTextAsDataThatCannotCloseItsScript()
    {
        var html = File.ReadAllText(Path.Combine(site.Output, SiteUrls.FileFor(SiteUrls.Service(HostileName, SiteApiFactory.HostileServiceId))));
        var block = html[(html.IndexOf("application/ld", StringComparison.Ordinal))..];
        block = block[(block.IndexOf('>') + 1)..block.IndexOf("</script>", StringComparison.Ordinal)];

        Assert.DoesNotContain("<", block, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(block);
        Assert.Equal(HostileName, json.RootElement.GetProperty("name").GetString());
        Assert.False(json.RootElement.GetProperty("availableChannel").TryGetProperty("serviceUrl", out _), "a javascript: URL must not be offered as the service's URL");
    }

    [Fact]
    public void TheSearchIndexAndFeedHoldHostileTextAsData()
    {
        var tiles = Directory.GetFiles(Path.Combine(site.Output, "index", "tiles"));
        var entry = tiles.SelectMany(t => JsonNode.Parse(File.ReadAllText(t))!.AsArray())
            .First(e => e!["i"]!.GetValue<string>() == SiteApiFactory.HostileServiceId)!;
        Assert.Equal(HostileName, entry["n"]!.GetValue<string>());
        Assert.Matches("^/services/[a-z0-9-]+/$", entry["u"]!.GetValue<string>());

        var feed = XDocument.Load(Path.Combine(site.Output, "feed.xml")); // well-formed whatever the listings hold
        Assert.NotEmpty(feed.Root!.Elements());

        const string hostileTown = "Leeds</title><script>alert('town')</script>";
        var area = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, SiteUrls.FileFor(SiteUrls.Area(hostileTown)))));
        Assert.Equal($"Services in {hostileTown}", area.QuerySelector("h1")!.TextContent);
    }
}
