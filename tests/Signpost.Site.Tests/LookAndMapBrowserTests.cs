using Microsoft.Playwright;
using Signpost.Site.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Signpost.Site.Tests;

/// <summary>Focus, tap targets, the favicon, the helpline box and the map, in Chromium.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class LookAndMapBrowserTests(BuiltSite site, LookAndMapSites sites, ITestOutputHelper output) : IAsyncLifetime, IClassFixture<LookAndMapSites>
{
    private const double TenMilesKm = 10 * 1.609344;
    private static readonly (double Latitude, double Longitude) Sidmouth = (50.68, -3.239);
    private static readonly string SidmouthSearch = FormattableString.Invariant($"/search/#near={Sidmouth.Latitude},{Sidmouth.Longitude}&radius=10");

    // Contrast as WCAG defines it, from computed colours: the focus ring against what is around the
    // element (the nearest ancestor with a background), and the focused text against its own fill.
    private const string FocusContrastScript = """
        el => {
          const rgb = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
          const behind = node => { for (let n = node; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c.a > 0) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
          const s = getComputedStyle(el), around = behind(el.parentElement), fill = rgb(s.backgroundColor), own = fill.a > 0 ? fill : around;
          return { name: el.tagName + ' ' + (el.textContent || el.id || '').trim().slice(0, 40), inHeader: !!el.closest('.masthead'),
                   style: s.outlineStyle, width: parseFloat(s.outlineWidth), ring: ratio(rgb(s.outlineColor), around), text: ratio(rgb(s.color), own) };
        }
        """;

    private const string TapTargets = "nav li > a, .footer li > a, .tags a, .tiles li > a, .pager li > a, .pager span[aria-current], .crumbs a";

    private SiteBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (new BrowserFactAttribute().Skip is null)
        {
            await sites.StartAsync(site);
            _browser = await site.BrowserAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task EveryFocusedLinkButtonAndFieldHasARingAtLeast3To1AgainstItsBackgroundAndReadableText()
    {
        var page = await NewPageAsync(sites.Configured);
        var seen = new List<FocusLook>();
        foreach (var path in new[] { "/", ServicePath(await ServiceWithPlacesAsync()) })
        {
            await page.GotoAsync(path);
            for (var i = 0; i < 60; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await page.EvaluateHandleAsync("() => document.activeElement");
                if (await focused.EvaluateAsync<bool>("el => el === document.body")) break;
                seen.Add(await focused.EvaluateAsync<FocusLook>(FocusContrastScript));
            }
        }

        Assert.Contains(seen, f => f.InHeader && f.Name.Contains("Find help", StringComparison.Ordinal));
        Assert.All(seen, f =>
        {
            Assert.True(f.Style != "none" && f.Width >= 2, $"{f.Name}: no focus ring ({f.Style} {f.Width}px)");
            Assert.True(f.Ring >= 3, $"{f.Name}: focus ring {f.Ring:0.00}:1 against its background");
            Assert.True(f.Text >= 4.5, $"{f.Name}: focused text {f.Text:0.00}:1");
        });
    }

    [BrowserFact]
    public async Task MastheadLinksWhenFocusedStandOutFromTheDarkHeader()
    {
        var page = await NewPageAsync(sites.Configured);
        await page.GotoAsync("/");

        foreach (var link in await page.Locator(".masthead a").AllAsync())
        {
            await link.FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Tab"); // focus by keyboard, so :focus-visible applies
            var look = await link.EvaluateAsync<FocusLook>(FocusContrastScript);
            Assert.True(look.Ring >= 3, $"{look.Name}: ring {look.Ring:0.00}:1 against the header");
            Assert.True(look.Text >= 4.5, $"{look.Name}: text {look.Text:0.00}:1 on its focus fill");
        }
    }

    [BrowserFact]
    public async Task LinksInNavigationFooterTagsPagerAndBreadcrumbsAreAtLeast24PixelsSquare()
    {
        var pager = Directory.EnumerateFiles(sites.ConfiguredOutput, "index.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .First(f => File.ReadAllText(f).Contains("class=\"pager\"", StringComparison.Ordinal));
        var pagerPath = "/" + Path.GetRelativePath(sites.ConfiguredOutput, Path.GetDirectoryName(pager)!).Replace('\\', '/') + "/";
        var small = new List<string>();
        foreach (var width in new[] { 320, 1280 })
        {
            var page = await NewPageAsync(sites.Configured, new() { ViewportSize = new() { Width = width, Height = 900 } });
            foreach (var path in new[] { "/", ServicePath(await ServiceWithPlacesAsync()), pagerPath })
            {
                await page.GotoAsync(path);
                var sizes = await page.Locator(TapTargets).EvaluateAllAsync<TargetSize[]>(
                    "els => els.map(e => { const r = e.getBoundingClientRect(); return { name: e.textContent.trim(), width: r.width, height: r.height }; })");
                Assert.NotEmpty(sizes);
                small.AddRange(sizes.Where(s => s.Width < 24 || s.Height < 24).Select(s => $"{width}px {path}: '{s.Name}' {s.Width:0.#} × {s.Height:0.#}"));
            }

            Assert.True(await page.Locator(".pager a").CountAsync() > 0, $"{pagerPath} has a pager");
        }

        Assert.True(small.Count == 0, string.Join(Environment.NewLine, small));
    }

    [BrowserFact]
    public async Task TheFaviconIsServedAndEveryPageLinksIt()
    {
        var page = await NewPageAsync(sites.Configured);
        await page.GotoAsync("/");
        var href = await page.Locator("link[rel=icon]").GetAttributeAsync("href");

        var favicon = await page.APIRequest.GetAsync(href!);

        Assert.Equal("/assets/favicon.svg", href);
        Assert.Equal(200, favicon.Status);
        Assert.StartsWith("image/svg+xml", favicon.Headers["content-type"], StringComparison.Ordinal);
        Assert.StartsWith("<svg", await favicon.TextAsync(), StringComparison.Ordinal);
        Assert.All(Directory.EnumerateFiles(sites.ConfiguredOutput, "*.html", SearchOption.AllDirectories),
            f => Assert.Contains("<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task TheHelplineBoxIsOnTheHomeAndSearchPagesAndInTheFooterWhenConfigured()
    {
        var page = await NewPageAsync(sites.Configured);
        foreach (var path in new[] { "/", "/search/" })
        {
            await page.GotoAsync(path);
            var box = page.GetByRole(AriaRole.Region, new() { Name = "Need to talk to someone?" });
            Assert.Contains($"Call {LookAndMapSites.HelplineName} on {LookAndMapSites.HelplinePhone}", await box.TextContentAsync());
            Assert.Contains(LookAndMapSites.HelplineHours, await box.TextContentAsync());
            Assert.Equal("tel:03069990123", await box.GetByRole(AriaRole.Link, new() { Name = LookAndMapSites.HelplinePhone }).GetAttributeAsync("href"));
        }

        await page.GotoAsync(ServicePath(await ServiceWithPlacesAsync()));
        var footer = page.Locator("footer.footer");
        Assert.Contains($"Need to talk to someone? Call {LookAndMapSites.HelplineName} on {LookAndMapSites.HelplinePhone} ({LookAndMapSites.HelplineHours}).", await footer.TextContentAsync());
        Assert.Equal("tel:03069990123", await footer.GetByRole(AriaRole.Link, new() { Name = LookAndMapSites.HelplinePhone }).GetAttributeAsync("href"));
    }

    [BrowserFact]
    public async Task WithoutAHelplineNoBoxOrFooterLineIsShown()
    {
        var page = await NewPageAsync(sites.Bare);
        foreach (var path in new[] { "/", "/search/", ServicePath(await ServiceWithPlacesAsync()) })
        {
            await page.GotoAsync(path);
            Assert.DoesNotContain("Need to talk to someone?", await page.Locator("body").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator(".helpline, .helpline-line").CountAsync());
        }
    }

    [MapBrowserFact]
    public async Task TheMapLoadsNothingUntilAskedThenItsNumberedMarkersMatchTheResults()
    {
        var nearby = (await ApiQueries.NearestAsync(site.Api.CreateClient(), new { near = new { latitude = Sidmouth.Latitude, longitude = Sidmouth.Longitude }, radiusKm = TenMilesKm })).TiesByName()
            .Where(f => f.ByLocation).Take(20).ToList();
        var page = await NewPageAsync(sites.Configured);
        var requests = Record(page);
        var tilesBefore = sites.Tiles.Requests;
        await page.GotoAsync(SidmouthSearch);
        await page.Locator("#results li").First.WaitForAsync();
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show on a map" });
        await toggle.WaitForAsync();
        Assert.Contains("Showing the map loads map pictures from OpenStreetMap, which will see the area you are looking at.", await page.Locator(".map-panel").TextContentAsync());
        // Once the page has settled: no request for half a second.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.DoesNotContain(requests, MapRequest);
        Assert.Equal(tilesBefore, sites.Tiles.Requests);

        await toggle.ClickAsync();
        var map = page.GetByRole(AriaRole.Region, new() { Name = "Map of the services listed" });
        await map.WaitForAsync();
        await page.Locator(".map-marker").First.WaitForAsync();
        // Places too close to tell apart on screen share a marker named for each of its services.
        var markers = await page.Locator(".map-marker").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('aria-label'))");
        var numbers = await page.Locator(".map-marker").AllTextContentsAsync();
        var entries = markers.SelectMany(m => m.Split("; ")).OrderBy(e => int.Parse(e[..e.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(nearby.Select((f, i) => $"{i + 1}. {f.Name}"), entries);
        Assert.All(markers.Zip(numbers), m => Assert.StartsWith(m.Second.Split(',', '+')[0] + ". ", m.First, StringComparison.Ordinal));
        Assert.Equal(nearby.Select(f => f.Name), await page.Locator("#results > li h3 a").AllTextContentsAsync());
        Assert.Contains("numbered", await page.Locator("#results").GetAttributeAsync("class") ?? "");
        Assert.Equal("true", await page.Locator(".map-toggle").GetAttributeAsync("aria-expanded"));
        await WaitForAsync(() => sites.Tiles.Requests > tilesBefore, "the map fetched tiles from the configured tile server");
        Assert.Contains(requests, url => url.StartsWith(sites.Tiles.Address.ToString(), StringComparison.Ordinal));

        // Markers are reached by keyboard, named, and open a link to the service.
        var first = page.Locator(".map-marker").First;
        Assert.Equal("0", await first.GetAttributeAsync("tabindex"));
        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var popupLink = page.Locator(".leaflet-popup a", new() { HasText = $"1. {nearby[0].Name}" });
        await popupLink.WaitForAsync();
        Assert.Equal(nearby[0].Url, await popupLink.GetAttributeAsync("href"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Hide the map" }).ClickAsync();
        Assert.False(await page.Locator("#map").IsVisibleAsync());
        Assert.Equal("false", await page.Locator(".map-toggle").GetAttributeAsync("aria-expanded"));
        Assert.DoesNotContain("numbered", await page.Locator("#results").GetAttributeAsync("class") ?? "");
    }

    [MapBrowserFact]
    public async Task AServicePageMapsItsPlacesOnlyWhenAsked()
    {
        var service = await ServiceWithPlacesAsync();
        var page = await NewPageAsync(sites.Configured);
        var requests = Record(page);
        await page.GotoAsync(ServicePath(service));
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show on a map" });
        await toggle.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(requests, MapRequest);

        await toggle.ClickAsync();
        await page.Locator(".map-marker").First.WaitForAsync();

        var places = service.Locations.Where(l => l.LocationType != "VIRTUAL" && l.Latitude is not null).ToList();
        var labels = await page.Locator(".map-marker").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('aria-label'))");
        Assert.Equal(places.Count, labels.Sum(l => l.Split("; ").Length));
        Assert.All(labels, label => Assert.False(string.IsNullOrWhiteSpace(label)));
        Assert.True(await page.GetByRole(AriaRole.Region, new() { Name = $"Map of where {service.Name} is" }).IsVisibleAsync());
    }

    [BrowserFact]
    public async Task WithoutTheMapLibraryTheSiteIsBuiltAndNoMapIsOffered()
    {
        var page = await NewPageAsync(sites.Bare);
        await page.GotoAsync(SidmouthSearch);
        await page.Locator("#results li").First.WaitForAsync();
        Assert.Equal(0, await page.Locator(".map-panel, .map-toggle").CountAsync());
        await page.GotoAsync(ServicePath(await ServiceWithPlacesAsync()));
        Assert.Equal(0, await page.Locator(".map-panel, .map-toggle").CountAsync());

        Assert.False(Directory.Exists(Path.Combine(sites.BareOutput, "assets", "leaflet")));
        Assert.DoesNotContain(Directory.EnumerateFiles(sites.BareOutput, "*.html", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("map.js", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task HomeSearchAndServicePagesWeighUnder60KilobytesWithTheirStylesAndScriptsAndNoMapLibrary()
    {
        var weights = new List<string>();
        foreach (var (label, path) in new[] { ("home", "/"), ("search, with results", SidmouthSearch), ("service", ServicePath(await ServiceWithPlacesAsync())) })
        {
            var page = await NewPageAsync(sites.Configured);
            await page.GotoAsync(path);
            if (path.Contains('#', StringComparison.Ordinal)) await page.Locator("#results li").First.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // The page itself and every stylesheet and script it loaded, as the browser counted them.
            var files = (await page.EvaluateAsync<LoadedFile[]>("""
                () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
                  .map(e => ({ url: new URL(e.name).pathname, bytes: e.decodedBodySize }))
                  .filter((e, i) => i === 0 || /\.(css|js)$/.test(e.url))
                """)).ToList();
            Assert.DoesNotContain(files, f => f.Url.Contains("/assets/leaflet/", StringComparison.Ordinal));
            Assert.Contains(files, f => f.Url == "/assets/site.css");
            var total = files.Sum(f => f.Bytes);
            var gzipped = files.Sum(f => Gzipped(Path.Combine(sites.ConfiguredOutput, SiteUrls.FileFor(f.Url))));
            weights.Add($"{label}: {total:N0} bytes, {gzipped:N0} gzipped ({string.Join(", ", files.Select(f => $"{f.Url} {f.Bytes:N0}"))})");
            Assert.True(total < 60 * 1024, $"{label} weighs {total:N0} bytes");
        }

        output.WriteLine(string.Join(Environment.NewLine, weights));
    }

    [MapBrowserFact]
    public async Task TheShownMapHasNoAccessibilityViolationsAndNoSidewaysScrollingAt320And375And1280Pixels()
    {
        var problems = new List<string>();
        var servicePath = ServicePath(await ServiceWithPlacesAsync());
        foreach (var width in new[] { 320, 375, 1280 })
        {
            var page = await NewPageAsync(sites.Configured, new() { ViewportSize = new() { Width = width, Height = 900 } });
            foreach (var path in new[] { SidmouthSearch, servicePath })
            {
                await page.GotoAsync(path);
                await page.GetByRole(AriaRole.Button, new() { Name = "Show on a map" }).ClickAsync();
                await page.Locator(".map-marker").First.WaitForAsync();
                await page.Locator(".map-marker").First.FocusAsync();
                problems.AddRange((await SiteBrowser.AxeViolationsAsync(page)).Select(p => $"{width}px {p}"));
                var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                if (sideways > 0) problems.Add($"{width}px {path}: scrolls sideways by {sideways}px");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static long Gzipped(string file)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(file));
        }

        return compressed.Length;
    }

    /// <summary>A request for the map library or to the tile server.</summary>
    private bool MapRequest(string url) => url.Contains("/assets/leaflet/", StringComparison.Ordinal) || url.StartsWith(sites.Tiles.Address.ToString(), StringComparison.Ordinal);

    private static List<string> Record(IPage page)
    {
        var requests = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        return requests;
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), what);
    }

    private async Task<Signpost.Site.Api.Service> ServiceWithPlacesAsync()
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        // One with several places if there is one, so the map has more than one marker to show.
        return services.Where(s => s.Id != SiteApiFactory.HostileServiceId && s.Categories.Count > 0)
            .OrderByDescending(s => Math.Min(2, s.Locations.Count(l => l.LocationType != "VIRTUAL" && l.Latitude is not null)))
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .First();
    }

    private static string ServicePath(Signpost.Site.Api.Service service) => SiteUrls.Service(service.Name, service.Id);

    private Task<IPage> NewPageAsync(StaticSiteServer server, BrowserNewContextOptions? options = null) => _browser!.NewPageAsync(server.Address, options);

    private sealed class FocusLook
    {
        public string Name { get; set; } = "";
        public bool InHeader { get; set; }
        public string Style { get; set; } = "";
        public double Width { get; set; }
        public double Ring { get; set; }
        public double Text { get; set; }
    }

    private sealed class LoadedFile
    {
        public string Url { get; set; } = "";
        public long Bytes { get; set; }
    }

    private sealed class TargetSize
    {
        public string Name { get; set; } = "";
        public double Width { get; set; }
        public double Height { get; set; }
    }
}
