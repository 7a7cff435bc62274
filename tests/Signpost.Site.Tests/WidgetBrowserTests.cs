using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Signpost.Site.Pages.Developers;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// The finder, &lt;signpost-finder&gt;, on a page of another website (another origin), with the
/// directory's site and API on origins of their own; and the "For developers" page that writes
/// the code to paste. In Chromium.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class WidgetBrowserTests(BuiltSite site, EmbeddingSites sites) : IAsyncLifetime, IClassFixture<EmbeddingSites>
{
    private const double KmPerMile = 1.609344;
    private const string FirstResult = "signpost-finder li a.name";

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
    public async Task AFinderOnAnotherSitesPageShowsTheNearestServiceToATypedPostcodeWithoutSendingThePostcode()
    {
        var found = await NearestAsync(new { postcode = "EX10 8XX", radiusKm = 5 * KmPerMile, first = 5 });
        var page = await NewPageAsync();
        var sent = new List<string>();
        page.Request += (_, request) => sent.Add(request.Url + " " + request.PostData);

        await page.GotoAsync(sites.Page(Embed()).ToString());
        await page.GetByLabel("Your postcode").FillAsync("ex10 8xx");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find services" }).ClickAsync();

        var first = page.Locator(FirstResult).First;
        Assert.Equal(found[0].Name, await first.TextContentAsync());
        // Its link is the service's page on the directory's site, as the site's own lists link it.
        Assert.Equal(new Uri(sites.Site, found[0].Url).ToString(), await first.GetAttributeAsync("href"));
        Assert.Contains(sent, r => r.StartsWith(sites.Graphql.ToString(), StringComparison.Ordinal));
        // The postcode stays in the browser: the site's index files and a point go out, never the postcode.
        Assert.DoesNotContain(sent, r => r.Contains("EX10", StringComparison.OrdinalIgnoreCase) || r.Contains("8XX", StringComparison.OrdinalIgnoreCase));
    }

    [BrowserFact]
    public async Task TheFinderHasNoAccessibilityProblemsOnAPhoneOrADesktopPageOfAnotherSite()
    {
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await NewPageAsync(width);
            await page.GotoAsync(sites.Page(Embed()).ToString());
            await page.GetByLabel("Your postcode").WaitForAsync();
            Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));

            await page.GetByLabel("Your postcode").FillAsync("EX10 8XX");
            await page.GetByRole(AriaRole.Button, new() { Name = "Find services" }).ClickAsync();
            await page.Locator(FirstResult).First.WaitForAsync();
            Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));
            Assert.True(await FitsAsync(page), $"no sideways scrolling at {width} px");
        }
    }

    [BrowserFact]
    public async Task AKeyboardAloneFindsServicesAndTheNumberFoundIsAnnounced()
    {
        var found = await NearestAsync(new { postcode = "EX10 8XX", radiusKm = 5 * KmPerMile, first = 5 });
        var page = await NewPageAsync();
        await page.GotoAsync(sites.Page(Embed()).ToString());
        await page.GetByLabel("Your postcode").WaitForAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("postcode", await page.EvaluateAsync<string>("() => document.activeElement.shadowRoot.activeElement.id"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement.shadowRoot.activeElement).outlineStyle"));
        await page.Keyboard.TypeAsync("EX10 8XX");
        await page.Keyboard.PressAsync("Enter");

        var status = page.GetByRole(AriaRole.Status);
        Assert.Equal("polite", await status.EvaluateAsync<string>("s => s.getAttribute('aria-live') || 'polite'"));
        await Assertions.Expect(status).ToHaveTextAsync($"{found.Count} services near EX10 8XX");
        Assert.Equal(found.Count, await page.Locator("signpost-finder li").CountAsync());
    }

    [BrowserFact]
    public async Task AnUnknownPostcodeNothingNearOrAnApiThatCannotBeReachedIsExplainedInPlainEnglish()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(sites.Page(Embed()).ToString());

        await page.GetByLabel("Your postcode").FillAsync("ZZ9 9ZZ");
        await page.GetByLabel("Your postcode").PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("We do not know the postcode ZZ9 9ZZ. Check it, or try a nearby postcode.");
        Assert.Equal("true", await page.GetByLabel("Your postcode").GetAttributeAsync("aria-invalid"));

        // An API that does not answer: nothing technical, just what to do.
        var offline = await NewPageAsync();
        await offline.GotoAsync(sites.Page(Embed(api: "http://127.0.0.1:9/graphql")).ToString());
        await offline.GetByLabel("Your postcode").FillAsync("EX10 8XX");
        await offline.GetByLabel("Your postcode").PressAsync("Enter");
        await Assertions.Expect(offline.GetByRole(AriaRole.Status)).ToHaveTextAsync("We could not reach Signpost just now. Please try again in a few minutes.");

        // Far out to sea: nothing near, said as much, with the way on to the directory's own search.
        var sea = await NewPageAsync();
        await sea.GotoAsync(sites.Page(Embed("""latitude="50.0" longitude="-6.9" radius="1" """)).ToString());
        await Assertions.Expect(sea.GetByRole(AriaRole.Status)).ToHaveTextAsync("No services found within 1 mile.");
        await Assertions.Expect(sea.GetByRole(AriaRole.Link, new() { Name = "More on Signpost" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task AFinderForAFixedPostcodeAndNeedShowsAtMostItsCountOfServicesOfThatNeed()
    {
        var found = await NearestAsync(new { postcode = "EX10 8XX", radiusKm = 5 * KmPerMile, first = 3, categories = new[] { await CategoryIdAsync("dementia") } }, need: "dementia");
        Assert.True(found.Count > 0, "the place needs dementia services near it");
        var page = await NewPageAsync();

        await page.GotoAsync(sites.Page(Embed("""postcode="EX10 8XX" need="dementia" count="3" """)).ToString());

        await page.Locator(FirstResult).First.WaitForAsync();
        Assert.Equal(found.Select(f => f.Name), await page.Locator(FirstResult).AllTextContentsAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Textbox).CountAsync());
        var more = page.GetByRole(AriaRole.Link, new() { Name = "More on Signpost" });
        Assert.Equal($"{sites.Site}search/#postcode=EX10%208XX&need=dementia&radius=5", await more.GetAttributeAsync("href"));
    }

    [BrowserFact]
    public async Task EachServiceThatIsOpenNowIsMarkedSoAsTheApiSaysForTheSameMoment()
    {
        var page = await NewPageAsync();

        await page.GotoAsync(sites.Page(Embed("""postcode="EX10 8XX" radius="10" count="20" """)).ToString());
        await page.Locator(FirstResult).First.WaitForAsync();
        var shown = await page.Locator(FirstResult).AllTextContentsAsync();
        var marked = await page.Locator("signpost-finder li").Filter(new() { Has = page.Locator("p.open") }).Locator("a.name").AllTextContentsAsync();

        // The API's own answer at (nearly) the same moment: of the shown services, those open now.
        var open = (await NearestAsync(new { postcode = "EX10 8XX", radiusKm = 10 * KmPerMile, first = 20, openNow = true })).Select(f => f.Name).ToHashSet();
        Assert.Equal(shown.Where(open.Contains), marked);
    }

    [BrowserFact]
    public async Task AFinderForAPointOrAPlaceNameFindsTheServicesNearIt()
    {
        var found = await NearestAsync(new { near = new { latitude = 50.68, longitude = -3.239 }, radiusKm = 5 * KmPerMile, first = 5 });
        var page = await NewPageAsync();

        await page.GotoAsync(sites.Page(Embed("""latitude="50.68" longitude="-3.239" """) + Embed("""place="Ottery St Mary" count="2" """)).ToString());

        var point = page.Locator("signpost-finder").First;
        await Assertions.Expect(point.Locator("li a.name")).ToHaveTextAsync(found.Select(f => f.Name).ToArray());
        await Assertions.Expect(point.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{found.Count} services nearby");
        var place = page.Locator("signpost-finder").Last;
        await Assertions.Expect(place.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 services near Ottery St Mary");
        Assert.Equal(2, await place.Locator("li").CountAsync());
    }

    [BrowserFact]
    public async Task TheCopyButtonCopiesTheCodeToPaste()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { Permissions = ["clipboard-read", "clipboard-write"] });
        await page.GotoAsync(new Uri(sites.Site, DevelopersPage.Url).ToString());
        await page.GetByLabel("Need").SelectOptionAsync("dementia");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the code" }).ClickAsync();

        await Assertions.Expect(page.Locator("#copy-status")).ToHaveTextAsync("Copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await page.Locator("#snippet").TextContentAsync(), copied);
        Assert.Contains("need=\"dementia\"", copied);
    }

    [BrowserFact]
    public async Task TheSnippetBuilderWritesCodeThatWorksPastedIntoABlankPageOfAnotherSite()
    {
        var found = await NearestAsync(new { postcode = "EX10 8XX", radiusKm = 10 * KmPerMile, first = 2, categories = new[] { await CategoryIdAsync("dementia") } }, need: "dementia");
        var developers = await NewPageAsync();
        await developers.GotoAsync(new Uri(sites.Site, DevelopersPage.Url).ToString());

        await developers.GetByLabel("Place").FillAsync("EX10 8XX");
        await developers.GetByLabel("Need").SelectOptionAsync("dementia");
        await developers.GetByLabel("Distance").SelectOptionAsync("10");
        await developers.GetByLabel("How many services").FillAsync("2");
        await developers.GetByRole(AriaRole.Button, new() { Name = "Update the code and preview" }).ClickAsync();

        var snippet = (await developers.Locator("#snippet").TextContentAsync())!;
        Assert.Contains("""postcode="EX10 8XX" need="dementia" radius="10" count="2">""", snippet);
        // The preview on this page is drawn from the same choices.
        await Assertions.Expect(developers.Locator("#preview " + FirstResult)).ToHaveTextAsync(found.Select(f => f.Name).ToArray());

        var pasted = await NewPageAsync();
        await pasted.GotoAsync(sites.Page(snippet).ToString());
        await Assertions.Expect(pasted.Locator(FirstResult)).ToHaveTextAsync(found.Select(f => f.Name).ToArray());
    }

    [BrowserFact]
    public async Task WithoutJavaScriptTheFinderIsALinkToTheSitesSearch()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var snippet = EmbedSnippet.Default(SiteOptions());

        await page.GotoAsync(sites.Page(snippet).ToString());

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Find services near you on Signpost" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        Assert.Equal(new Uri(sites.Site, "search/").ToString(), await link.GetAttributeAsync("href"));
    }

    [BrowserFact]
    public async Task TheDevelopersPageIsInEveryFooterAndShowsTheCodeToPasteWithoutJavaScript()
    {
        var page = await NewPageAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 320, Height = 900 } });
        await page.GotoAsync(sites.Site.ToString());

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "For developers" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "For developers", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal(EmbedSnippet.Default(SiteOptions()), await page.Locator("#snippet").TextContentAsync());
        Assert.False(await page.Locator("#snippet-builder").IsVisibleAsync());
        Assert.True(await FitsAsync(page), "no sideways scrolling at 320 px");
    }

    [BrowserFact]
    public async Task TheDevelopersPageHasNoAccessibilityProblemsWithItsPreview()
    {
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await NewPageAsync(width);
            await page.GotoAsync(new Uri(sites.Site, DevelopersPage.Url).ToString());
            await page.GetByLabel("Place").FillAsync("Sidmouth");
            await page.GetByRole(AriaRole.Button, new() { Name = "Update the code and preview" }).ClickAsync();
            await page.Locator("#preview " + FirstResult).First.WaitForAsync();

            Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));
            Assert.True(await FitsAsync(page), $"no sideways scrolling at {width} px");
        }
    }

    /// <summary>The finder as the embedding site writes it, pointed at the test's site and API, and its script.</summary>
    private string Embed(string attributes = "", string? api = null) => $"""
        <script src="{new Uri(sites.Site, "assets/signpost-finder.js")}" defer></script>
        <signpost-finder api="{WebUtility.HtmlEncode(api ?? sites.Graphql.ToString())}" site="{sites.Site}" {attributes}><a href="{sites.Site}search/">Find services near you on Signpost</a></signpost-finder>
        """;

    private SiteOptions SiteOptions() => new() { BaseUrl = sites.Site.ToString(), FormsEndpoint = sites.Graphql.ToString() };

    private Task<IPage> NewPageAsync(int width) => NewPageAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = 900 } });

    private Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => _browser!.NewPageAsync(sites.Host, options);

    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    /// <summary>The API's own answer: its first page of services, each checked to meet the need when there is one.</summary>
    private async Task<List<FoundService>> NearestAsync(object variables, string? need = null)
    {
        using var http = new HttpClient { BaseAddress = sites.Api.Address };
        var edges = (await ApiQueries.RunAsync(http, "FinderNearest", variables))["services"]!["edges"]!.AsArray();
        if (need is not null)
        {
            Assert.All(edges, e => Assert.Contains(e!["node"]!["categories"]!.AsArray(), c => c!["code"]!.GetValue<string>() == need || c["parent"]?["code"]?.GetValue<string>() == need));
        }

        return edges.Select(e => new FoundService(e!["node"]!["id"]!.GetValue<string>(), e["node"]!["name"]!.GetValue<string>(), "", null)).ToList();
    }

    private async Task<string> CategoryIdAsync(string code)
    {
        using var http = new HttpClient { BaseAddress = sites.Api.Address };
        var roots = (await ApiQueries.RunAsync(http, "CategoryIds", new { }))["categories"]!.AsArray();
        return roots.SelectMany(r => new[] { r! }.Concat(r!["children"]!.AsArray().Select(c => c!)))
            .Single(c => c["code"]!.GetValue<string>() == code)["id"]!.GetValue<string>();
    }
}
