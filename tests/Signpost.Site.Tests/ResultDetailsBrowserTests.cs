using Microsoft.Playwright;
using Signpost.Site.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Signpost.Site.Tests;

/// <summary>
/// What a result shows without opening it, in the browser search and the built lists, at the
/// three services of Beckington Memorial Hall (SamePlaceSeed/same-place.json).
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ResultDetailsBrowserTests(BuiltSite site) : IAsyncLifetime
{
    // A point 0.24 miles north of the hall, so every one of its services is 0.2 miles away.
    private const string NearTheHall = "/search/#near=51.2700,-2.2885&radius=2";

    // Tuesday 24 November 2026 in the UK (GMT): 8am, before anything at the hall opens, and 10:30.
    private static readonly DateTime TuesdayEarly = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime TuesdayMorning = new(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc);

    private SiteBrowser? _browser;

    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task EachSearchResultShowsItsPhoneNextOpeningCostAgesAddressAndDistance()
    {
        var page = await SearchAsync(NearTheHall, TuesdayEarly);

        var walk = Result(page, "Wellbeing walk and talk");
        Assert.Equal("Opens today 10am", await walk.Locator(".next-opening").TextContentAsync());
        Assert.Equal("0.2 miles away", await walk.Locator(".distance").TextContentAsync());
        // It has no phone of its own, so its organisation's is the one to call.
        Assert.Equal(["Call 01632 960555", "Free", "Ages 18+"], await walk.Locator(".result-facts > span").AllTextContentsAsync());
        Assert.Equal("tel:01632960555", await walk.GetByRole(AriaRole.Link, new() { Name = "01632 960555" }).GetAttributeAsync("href"));
        Assert.Equal("Bath Road, Beckington BA11 6SL", await walk.Locator(".result-address").TextContentAsync());
        Assert.Equal(0, await walk.Locator(".stale").CountAsync());

        var peers = Result(page, "Anxiety peer group");
        Assert.Equal("Opens Thu 2pm", await peers.Locator(".next-opening").TextContentAsync());
        Assert.Equal(["Call 01632 960555", "Costs money", "Ages 16–25"], await peers.Locator(".result-facts > span").AllTextContentsAsync());
        Assert.Equal("Last checked March 2024 — please call before you go", await peers.Locator(".stale").TextContentAsync());

        var talking = Result(page, "Talking space");
        Assert.Equal("Opens Wed 9:30am", await talking.Locator(".next-opening").TextContentAsync());
        Assert.Equal(["Call 01632 960556", "Free", "Ages 0–5"], await talking.Locator(".result-facts > span").AllTextContentsAsync());
    }

    [BrowserFact]
    public async Task AServiceOpenAtThatMomentSaysOpenNowInsteadOfItsNextOpening()
    {
        var page = await SearchAsync(NearTheHall, TuesdayMorning);

        var walk = Result(page, "Wellbeing walk and talk");
        Assert.Equal("Open now", await walk.Locator(".badge.open").TextContentAsync());
        Assert.Equal(0, await walk.Locator(".next-opening").CountAsync());
        Assert.Equal("Opens Wed 9:30am", await Result(page, "Talking space").Locator(".next-opening").TextContentAsync());
    }

    [BrowserFact]
    public async Task ServicesAtOnePlaceComeInOrderOfTheChosenNeedThenByNameNotById()
    {
        // By id the hall's services are: walk and talk (…10), anxiety peer group (…11), talking space (…12).
        var any = await SearchAsync(NearTheHall, TuesdayEarly);
        Assert.Equal(["Anxiety peer group", "Talking space", "Wellbeing walk and talk"], await any.Locator("#results > li h3").AllTextContentsAsync());

        // For mental health, the two filed under it come before the peer group, filed under a narrower need.
        var mentalHealth = await SearchAsync(NearTheHall + "&need=mental-health", TuesdayEarly);
        Assert.Equal(["Talking space", "Wellbeing walk and talk", "Anxiety peer group"], await mentalHealth.Locator("#results > li h3").AllTextContentsAsync());
    }

    [PagefindBrowserFact]
    public async Task AWordSearchResultShowsTheSameFactsAsASearchNearAPlaceButNoDistanceAndCanBeShortlisted()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 900 } });
        await page.Clock.SetFixedTimeAsync(TuesdayEarly);
        await page.GotoAsync("/search/#q=anxiety+peer");

        var peers = Result(page, "Anxiety peer group");
        await peers.WaitForAsync();
        Assert.Equal("Opens Thu 2pm", await peers.Locator(".next-opening").TextContentAsync());
        Assert.Equal(["Call 01632 960555", "Costs money", "Ages 16–25"], await peers.Locator(".result-facts > span").AllTextContentsAsync());
        Assert.Equal("tel:01632960555", await peers.GetByRole(AriaRole.Link, new() { Name = "01632 960555" }).GetAttributeAsync("href"));
        Assert.Equal("Bath Road, Beckington BA11 6SL", await peers.Locator(".result-address").TextContentAsync());
        Assert.Equal("Last checked March 2024 — please call before you go", await peers.Locator(".stale").TextContentAsync());
        // A search by words has no place to measure from.
        Assert.Equal(0, await page.Locator("#results .distance").CountAsync());
        Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), "no sideways scrolling at 375 px");

        await peers.GetByRole(AriaRole.Button, new() { Name = "Add to shortlist – Anxiety peer group" }).ClickAsync();

        await Expect(peers.Locator("button[data-shortlist]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Locator("#shortlist-link")).ToHaveTextAsync("Shortlist (1)");
        Assert.Equal("[\"5a3e0000-0000-5000-8000-000000000011\"]", await page.EvaluateAsync<string>("() => localStorage.getItem('signpost-shortlist')"));
    }

    [BrowserFact]
    public async Task TownAndNeedPagesShowOpeningHoursPhoneCostAgesAndStaleNotesButNeverOpenNow()
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var peerGroup = services.Single(s => s.Name == "Anxiety peer group");
        var page = await _browser!.NewPageAsync(new() { JavaScriptEnabled = false });

        foreach (var path in new[] { SiteUrls.Area("Beckington"), SiteUrls.Category("mental-health-peer") })
        {
            await page.GotoAsync(path);
            var peers = page.Locator("ul.services > li").Filter(new() { Has = page.Locator("h3", new() { HasTextString = "Anxiety peer group" }) });
            Assert.Equal(["Call 01632 960555", "Costs money", "Ages 16–25"], await peers.Locator(".result-facts > span").AllTextContentsAsync());
            Assert.Equal("tel:01632960555", await peers.GetByRole(AriaRole.Link, new() { Name = "01632 960555" }).GetAttributeAsync("href"));
            Assert.Equal($"Opening hours: {peerGroup.Schedules.Single().Text.TrimEnd('.')}", await peers.Locator(".result-hours").TextContentAsync());
            Assert.Equal("Bath Road, Beckington BA11 6SL", await peers.Locator(".result-address").TextContentAsync());
            Assert.Equal("Last checked March 2024 — please call before you go", await peers.Locator(".stale").TextContentAsync());
            // A built page cannot know the time it is read.
            Assert.DoesNotContain("Open now", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
            // The shortlist needs JavaScript, so without it there is no button.
            Assert.False(await peers.Locator("button").IsVisibleAsync());
        }
    }

    [BrowserFact]
    public async Task PrintingAListGivesFullAddressesPhonesAndEachServicesFullWebAddress()
    {
        foreach (var path in new[] { SiteUrls.Area("Beckington"), NearTheHall })
        {
            var page = await SearchAsync(path, TuesdayEarly);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            var walk = page.Locator(".services > li").Filter(new() { Has = page.Locator("h3", new() { HasTextString = "Wellbeing walk and talk" }) });

            Assert.True(await walk.Locator(".result-address").IsVisibleAsync(), "the full address prints");
            Assert.True(await walk.GetByRole(AriaRole.Link, new() { Name = "01632 960555" }).IsVisibleAsync(), "the phone number prints");
            Assert.False(await walk.Locator("button").IsVisibleAsync(), "buttons do not print");
            // The link's address prints after it in full: the site's public address, then the link's own.
            var link = walk.Locator("h3 a");
            Assert.Equal(SiteUrls.Service("Wellbeing walk and talk", "5a3e0000-0000-5000-8000-000000000010"), await link.GetAttributeAsync("href"));
            var after = await link.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
            Assert.Contains("https://signpost.example.org", after, StringComparison.Ordinal);
        }
    }

    /// <summary>A page at <paramref name="path"/> with the browser's clock fixed; a search waits for its results.</summary>
    private async Task<IPage> SearchAsync(string path, DateTime utc)
    {
        var page = await _browser!.NewPageAsync();
        await page.Clock.SetFixedTimeAsync(utc);
        await page.GotoAsync(path);
        if (path.Contains('#')) await page.Locator("#results > li").First.WaitForAsync();
        return page;
    }

    private static ILocator Result(IPage page, string name) =>
        page.Locator("#results > li").Filter(new() { Has = page.Locator("h3", new() { HasTextString = name }) });
}
