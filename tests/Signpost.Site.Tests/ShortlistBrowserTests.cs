using Microsoft.Playwright;
using Signpost.Site.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Signpost.Site.Tests;

/// <summary>
/// The shortlist: kept in the resident's browser, listed with what they need to call or visit,
/// printed as a hand-out, shared as a link; never sent to a server. The services are those of
/// Beckington Memorial Hall (SamePlaceSeed/same-place.json).
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ShortlistBrowserTests(BuiltSite site) : IAsyncLifetime
{
    private const string WalkAndTalk = "5a3e0000-0000-5000-8000-000000000010";
    private const string PeerGroup = "5a3e0000-0000-5000-8000-000000000011";
    private const string TalkingSpace = "5a3e0000-0000-5000-8000-000000000012";
    private const string NearTheHall = "/search/#near=51.2700,-2.2885&radius=2";

    // Tuesday 24 November 2026, 8am in the UK (GMT).
    private static readonly DateTime Tuesday = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    private SiteBrowser? _browser;

    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task ServicesAddedFromTheResultsAndAServicePageAreListedOnTheShortlistPageReadyToPrint()
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var page = await _browser!.NewPageAsync();
        var requests = Record(page);
        await page.Clock.SetFixedTimeAsync(Tuesday);
        await page.GotoAsync(NearTheHall);

        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add to shortlist – Talking space" });
        await add.ClickAsync();

        var toggle = page.Locator($"#results button[data-shortlist='{TalkingSpace}']");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(toggle).ToHaveTextAsync("Remove from shortlist – Talking space");
        await Expect(page.Locator("#shortlist-announce")).ToHaveTextAsync("Added Talking space to your shortlist. 1 service on it.");
        await Expect(page.Locator("#shortlist-link")).ToHaveTextAsync("Shortlist (1)");

        await page.GotoAsync(SiteUrls.Service("Anxiety peer group", PeerGroup));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to shortlist" }).ClickAsync();
        await Expect(page.Locator("#shortlist-link")).ToHaveTextAsync("Shortlist (2)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Shortlist (2)" }).ClickAsync();
        await Expect(page.Locator("#shortlist-items > li h2")).ToHaveTextAsync(["Talking space", "Anxiety peer group"]);
        var talking = page.Locator("#shortlist-items > li").First;
        Assert.Equal(["01632 960556", "Bath Road, Beckington BA11 6SL", services.Single(s => s.Id == TalkingSpace).Schedules.Single().Text,
                      "https://signpost.example.org/services/talking-space-5a3e0000/"],
            await talking.Locator("dd").AllTextContentsAsync());
        Assert.Equal(["Phone", "Address", "Opening hours", "Web page"], await talking.Locator("dt").AllTextContentsAsync());
        Assert.Equal("tel:01632960556", await talking.GetByRole(AriaRole.Link, new() { Name = "01632 960556" }).GetAttributeAsync("href"));
        Assert.Equal("Signpost shortlist, printed 24 November 2026", await page.Locator("#shortlist-printed").TextContentAsync());

        // On paper: the site's name and the date, each service's full web address, and no buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator("#shortlist-printed").IsVisibleAsync());
        Assert.True(await talking.GetByText("https://signpost.example.org/services/talking-space-5a3e0000/").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("main button:visible").CountAsync());

        AssertOnlyStaticFiles(requests);
    }

    [BrowserFact]
    public async Task AShareLinkCarriesTheListToAnotherBrowserWhichCanSaveIt()
    {
        var mine = await _browser!.NewPageAsync();
        await mine.GotoAsync(NearTheHall);
        await mine.GetByRole(AriaRole.Button, new() { Name = "Add to shortlist – Wellbeing walk and talk" }).ClickAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "Add to shortlist – Anxiety peer group" }).ClickAsync();
        await mine.GotoAsync(SiteUrls.Shortlist);
        var link = await mine.GetByRole(AriaRole.Link, new() { Name = "Share this list" }).GetAttributeAsync("href");
        Assert.Equal($"/shortlist/#ids={WalkAndTalk},{PeerGroup}", link);

        var theirs = await _browser.NewPageAsync(); // a fresh context: nothing saved in it
        var requests = Record(theirs);
        await theirs.GotoAsync(link!);

        await Expect(theirs.Locator("h1")).ToHaveTextAsync("A shortlist shared with you");
        await Expect(theirs.Locator("#shortlist-items > li h2")).ToHaveTextAsync(["Wellbeing walk and talk", "Anxiety peer group"]);
        await Expect(theirs.Locator("#shortlist-link")).ToHaveTextAsync("Shortlist"); // not theirs until saved
        Assert.Equal("[]", await theirs.EvaluateAsync<string>("() => localStorage.getItem('signpost-shortlist') || '[]'"));

        await theirs.GetByRole(AriaRole.Button, new() { Name = "Save to my shortlist" }).ClickAsync();

        await Expect(theirs.Locator("h1")).ToHaveTextAsync("Your shortlist");
        await Expect(theirs.Locator("#shortlist-link")).ToHaveTextAsync("Shortlist (2)");
        await Expect(theirs.Locator("#shortlist-announce")).ToHaveTextAsync("Saved 2 services to your shortlist. 2 services on it.");
        Assert.EndsWith("/shortlist/", theirs.Url, StringComparison.Ordinal);
        Assert.Equal($"[\"{WalkAndTalk}\",\"{PeerGroup}\"]", await theirs.EvaluateAsync<string>("() => localStorage.getItem('signpost-shortlist')"));
        AssertOnlyStaticFiles(requests);
    }

    [BrowserFact]
    public async Task RemovingAServiceAndClearingTheListByKeyboardSayWhatChangedAndMoveFocusOn()
    {
        var page = await SavedListAsync(TalkingSpace, PeerGroup, WalkAndTalk);

        var remove = page.GetByRole(AriaRole.Button, new() { Name = "Remove from shortlist – Talking space" });
        await remove.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#shortlist-items > li h2")).ToHaveTextAsync(["Anxiety peer group", "Wellbeing walk and talk"]);
        await Expect(page.Locator("#shortlist-announce")).ToHaveTextAsync("Removed Talking space from your shortlist. 2 services on it.");
        await Expect(page.Locator("#shortlist-status")).ToHaveTextAsync("2 services on your shortlist.");
        Assert.Equal("Anxiety peer group", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.Equal($"/shortlist/#ids={PeerGroup},{WalkAndTalk}", await page.GetByRole(AriaRole.Link, new() { Name = "Share this list" }).GetAttributeAsync("href"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear the list" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");

        await Expect(page.Locator("#shortlist-items > li")).ToHaveCountAsync(0);
        await Expect(page.Locator("#shortlist-announce")).ToHaveTextAsync("Your shortlist is now empty.");
        await Expect(page.Locator("#shortlist-status")).ToContainTextAsync("Your shortlist is empty.");
        await Expect(page.Locator("#shortlist-link")).ToHaveTextAsync("Shortlist");
        Assert.Equal("shortlist-title", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [BrowserFact]
    public async Task TheShortlistButtonOnAServicePageWorksByKeyboardWithAVisibleFocus()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(SiteUrls.Service("Talking space", TalkingSpace));

        for (var i = 0; i < 30 && !await page.EvaluateAsync<bool>("() => document.activeElement.hasAttribute('data-shortlist')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var toggle = page.Locator("button[data-shortlist]");
        Assert.True(await toggle.EvaluateAsync<bool>("b => b === document.activeElement"), "Tab reaches the shortlist button");
        Assert.NotEqual("none", await toggle.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");

        await page.Keyboard.PressAsync("Enter");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(toggle).ToHaveTextAsync("Remove from shortlist – Talking space");
        await Expect(page.Locator("#shortlist-link")).ToHaveTextAsync("Shortlist (1)");

        await page.Keyboard.PressAsync("Space");
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(page.Locator("#shortlist-announce")).ToHaveTextAsync("Removed Talking space from your shortlist. It is empty.");
    }

    [BrowserFact]
    public async Task TheShortlistPageHasNoAccessibilityViolationsOrSidewaysScrollingAt320And375And1280Pixels()
    {
        var page = await SavedListAsync(TalkingSpace, PeerGroup, WalkAndTalk);
        var problems = new List<string>();
        foreach (var width in new[] { 320, 375, 1280 })
        {
            await page.SetViewportSizeAsync(width, 900);
            problems.AddRange((await SiteBrowser.AxeViolationsAsync(page)).Select(p => $"{width} px: {p}"));
            var sideways = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (sideways > 0) problems.Add($"{width} px: scrolls {sideways} px sideways");
        }

        // The view of a list someone shared, with its offer to save it.
        await page.GotoAsync($"/shortlist/#ids={TalkingSpace}");
        await Expect(page.Locator("#shortlist-items > li h2")).ToHaveTextAsync(["Talking space"]);
        problems.AddRange(await SiteBrowser.AxeViolationsAsync(page));

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [BrowserFact]
    public async Task WithoutJavaScriptThereAreNoShortlistButtonsAndTheShortlistPageSaysItNeedsJavaScript()
    {
        var page = await _browser!.NewPageAsync(new() { JavaScriptEnabled = false });

        await page.GotoAsync(SiteUrls.Service("Talking space", TalkingSpace));
        Assert.Equal(0, await page.Locator("button[data-shortlist]:visible").CountAsync());
        await page.GotoAsync(SiteUrls.Area("Beckington"));
        Assert.Equal(0, await page.Locator("button[data-shortlist]:visible").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Shortlist" }).ClickAsync();
        Assert.Contains("Your shortlist needs JavaScript", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.Locator("#shortlist").IsVisibleAsync());
    }

    /// <summary>A fresh browser whose shortlist holds the services, saved from a shared link, on the shortlist page.</summary>
    private async Task<IPage> SavedListAsync(params string[] ids)
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync($"/shortlist/#ids={string.Join(",", ids)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to my shortlist" }).ClickAsync();
        await Expect(page.Locator("#shortlist-items > li h2")).ToHaveCountAsync(ids.Length);
        return page;
    }

    private static List<IRequest> Record(IPage page)
    {
        var requests = new List<IRequest>();
        page.Context.Request += (_, request) => requests.Add(request);
        return requests;
    }

    /// <summary>Every request was for one of the site's own static files: nothing posted, no API, no other site.</summary>
    private void AssertOnlyStaticFiles(List<IRequest> requests)
    {
        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            var url = new Uri(r.Url);
            Assert.Equal("GET", r.Method);
            Assert.Equal(_browser!.Address.Authority, url.Authority);
            Assert.Empty(url.Query);
            Assert.Matches("^/((assets|index|services|shortlist|search|pagefind)/[^?]*|favicon\\.ico)?$", url.AbsolutePath);
        });
    }
}
