using System.Text.Json;
using Microsoft.Playwright;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// Finding services by place name and by any UK postcode, narrowing by age, language and price,
/// and finding them without JavaScript: in Chromium, checked against the API's own answers.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class FindingBrowserTests(BuiltSite site) : IAsyncLifetime
{
    private const double KmPerMile = 1.609344;
    private const double TenMilesKm = 10 * KmPerMile;

    // Ottery St Mary's point in the place index (GeoNames, to 4 decimal places).
    private static readonly (double Latitude, double Longitude) OtteryStMary = (50.75, -3.2667);

    // The centre of EX10 in the regional table, which the district page measures from.
    private static readonly (double Latitude, double Longitude) Ex10Centre = (50.6930, -3.2420);

    private SiteBrowser? _browser;

    // Null where Chromium is not installed: every test here is then skipped, saying why.
    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task APlaceNameSearchesFromThatPlaceAndNamesItInTheResults()
    {
        var found = await NearestAsync(new { near = new { latitude = OtteryStMary.Latitude, longitude = OtteryStMary.Longitude }, radiusKm = TenMilesKm });
        var page = await NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync("/");

        await page.GetByLabel("Your postcode or place").FillAsync("ottery st. mary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/search/#", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => document.getElementById('results-heading').textContent === 'Near Ottery St Mary'");
        Assert.Equal(Links(found, byLocation: true), await ListedAsync(page, "#results"));
        Assert.Equal(Status(found, "Ottery St Mary", 10), await page.Locator("#results-status").TextContentAsync());
        Assert.Equal("Near Ottery St Mary", await page.Locator("#results-heading").TextContentAsync());
        // Only the same index files as anyone's: the place is never sent.
        Assert.DoesNotContain(requests, url => url.Contains("ottery", StringComparison.OrdinalIgnoreCase) && !url.Contains("/index/places/ot", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task AnAmbiguousPlaceNameOffersAChoiceByKeyboardAndSearchesFromTheChosenPlace()
    {
        // Richmond upon Thames: its point in the place index.
        var found = await NearestAsync(new { near = new { latitude = 51.4617, longitude = -0.3063 }, radiusKm = TenMilesKm });
        var page = await NewPageAsync();
        await page.GotoAsync("/search/");

        await page.GetByLabel("Your postcode or place").FillAsync("Richmond");
        await page.Keyboard.PressAsync("Enter");

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Which Richmond?" });
        await heading.WaitForAsync();
        Assert.Equal("results-heading", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("There are 3 places called Richmond. Choose the one you mean.", await page.Locator("#results-status").TextContentAsync());
        Assert.Equal("status", await page.Locator("#results-status").GetAttributeAsync("role"));
        Assert.Equal(["Richmond, Richmond upon Thames", "Richmond, North Yorkshire", "Richmond, Sheffield"],
            await page.Locator("#place-choices button").AllTextContentsAsync());
        Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Richmond, Richmond upon Thames", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");

        await page.Locator("#place-choices").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.WaitForFunctionAsync("() => document.getElementById('results-heading').textContent === 'Near Richmond'");
        Assert.Equal(Status(found, "Richmond", 10), await page.Locator("#results-status").TextContentAsync());
        Assert.Equal(Links(found, byLocation: true), await ListedAsync(page, "#results"));
        Assert.Equal("Richmond, Richmond upon Thames", await page.GetByLabel("Your postcode or place").InputValueAsync());
    }

    [BrowserFact]
    public async Task AnUnknownPlaceGetsAClearMessageTiedToTheField()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/search/");

        await page.GetByLabel("Your postcode or place").FillAsync("Atlantis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        var message = "We could not find a place called Atlantis. Check the spelling, or enter a postcode.";
        await page.WaitForFunctionAsync($"() => document.getElementById('postcode-error').textContent === {JsonSerializer.Serialize(message)}");
        var input = page.GetByLabel("Your postcode or place");
        Assert.Equal("true", await input.GetAttributeAsync("aria-invalid"));
        Assert.Contains("postcode-error", await input.GetAttributeAsync("aria-describedby"));
        Assert.Equal(message, await page.Locator("#results-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task APostcodeInADistrictOutsideTheSeedRegionsIsPlacedAndSearched()
    {
        // EX5 is in no regional table: only the national one places it.
        var found = await NearestAsync(new { postcode = "EX5 1AA", radiusKm = 25 * KmPerMile });
        Assert.NotEmpty(found);
        var page = await NewPageAsync();

        await page.GotoAsync("/search/#postcode=ex51aa&radius=25");

        await page.Locator("#results li").First.WaitForAsync();
        Assert.Equal(Status(found, "EX5 1AA", 25), await page.Locator("#results-status").TextContentAsync());
        Assert.Equal(Links(found, byLocation: true), await ListedAsync(page, "#results"));

        await page.GotoAsync("/search/#postcode=ZE1+0AA");
        await page.WaitForFunctionAsync("() => document.getElementById('results-status').textContent.startsWith('No services')");
        Assert.Equal("No services within 10 miles of ZE1 0AA.", await page.Locator("#results-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task AgeLanguageAndFreeFiltersFromTheFormMatchTheApi()
    {
        var found = await NearestFilteredAsync(new { postcode = "EX10 8XX", radiusKm = TenMilesKm, age = 70, free = true, language = "pl" });
        Assert.NotEmpty(found);
        var page = await NewPageAsync();
        await page.GotoAsync("/search/");

        await page.GetByLabel("Your postcode or place").FillAsync("EX10 8XX");
        await page.GetByLabel("Age of the person").FillAsync("70");
        await page.GetByLabel("Language spoken").SelectOptionAsync("pl");
        await page.GetByLabel("Free services only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        await page.Locator("#results li").First.WaitForAsync();
        Assert.Equal(Links(found, byLocation: true), await ListedAsync(page, "#results"));
        Assert.Equal(Links(found, byLocation: false), await ListedAsync(page, "#serving-results"));
        Assert.Equal(Status(found, "EX10 8XX", 10, ", free, for age 70, in Polish"), await page.Locator("#results-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task EachFilterAloneMatchesTheApi()
    {
        var page = await NewPageAsync();
        foreach (var (hash, variables) in new (string, object)[]
                 {
                     ("age=8", new { postcode = "EX10 8XX", radiusKm = TenMilesKm, age = 8 }),
                     ("age=0", new { postcode = "EX10 8XX", radiusKm = TenMilesKm, age = 0 }),
                     ("free=yes", new { postcode = "EX10 8XX", radiusKm = TenMilesKm, free = true }),
                     ("language=pl", new { postcode = "EX10 8XX", radiusKm = TenMilesKm, language = "pl" }),
                     ("language=en", new { postcode = "EX10 8XX", radiusKm = TenMilesKm, language = "en" }),
                 })
        {
            var found = await NearestFilteredAsync(variables);
            await page.GotoAsync("/search/#postcode=EX10+8XX&radius=10&" + hash);
            await page.Locator("#results li").First.WaitForAsync();
            await page.WaitForFunctionAsync("() => !document.getElementById('results-status').textContent.startsWith('Searching')");

            Assert.Equal(Links(found, byLocation: true), await ListedAsync(page, "#results"));
            Assert.Equal(Links(found, byLocation: false), await ListedAsync(page, "#serving-results"));
            await page.GotoAsync("about:blank");
        }
    }

    [BrowserFact]
    public async Task WithoutJavaScriptAPostcodeDistrictPageListsTheNearestServicesWithTheirDistance()
    {
        var found = await NearestAsync(new { near = new { latitude = Ex10Centre.Latitude, longitude = Ex10Centre.Longitude }, radiusKm = 25 * KmPerMile });
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "find the services nearest your postcode district" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "EX (", Exact = false }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "EX10", Exact = true }).ClickAsync();

        Assert.Equal("Services near EX10", await page.Locator("h1").TextContentAsync());
        Assert.Equal(Links(found, byLocation: true).Take(30).ToList(), await ListedAsync(page, "ol.nearby"));
        var distances = await page.Locator("ol.nearby > li > p:not(.meta):not(.badge)").AllTextContentsAsync();
        Assert.Equal(30, distances.Count);
        Assert.All(distances, d => Assert.Matches(@"^(\d+\.\d miles away|Less than 0\.1 miles away)$", d));
        var miles = distances.Select(d => d.StartsWith("Less", StringComparison.Ordinal) ? 0 : double.Parse(d.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(miles.Order().ToList(), miles);
    }

    [BrowserFact]
    public async Task WithoutJavaScriptADistrictPageListsTheServicesThatAlsoServeItAfterItsNearestWithTheirDetails()
    {
        var listed = (await NearestAsync(new { near = new { latitude = Ex10Centre.Latitude, longitude = Ex10Centre.Longitude }, radiusKm = 25 * KmPerMile }))
            .Where(f => f.ByLocation).Take(30).Select(f => f.Url).ToHashSet();
        // Searched with a radius too small to hold any place, every service that covers the centre is in the API's second group.
        var covering = await NearestAsync(new { near = new { latitude = Ex10Centre.Latitude, longitude = Ex10Centre.Longitude }, radiusKm = 0.01 });
        var expected = Links(covering, byLocation: false).Where(url => !listed.Contains(url)).Take(30).ToList();
        Assert.NotEmpty(expected);
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });

        await page.GotoAsync("/postcodes/ex10/");

        Assert.Equal("Also serving EX10", await page.Locator("#also-serving").TextContentAsync());
        Assert.Equal(expected, await ListedAsync(page, "#also-serving ~ ul.services"));
        var first = page.Locator("#also-serving ~ ul.services > li").First;
        Assert.StartsWith("Call ", await first.Locator(".result-facts > span").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(listed.Count, (await ListedAsync(page, "ol.nearby")).Count);
    }

    [BrowserFact]
    public async Task ADistrictThatOnlyAServiceAreaReachesGetsAPageListingThatService()
    {
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync("/postcodes/");

        await page.GetByRole(AriaRole.Link, new() { Name = "KW (", Exact = false }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "KW15", Exact = true }).ClickAsync();

        Assert.Equal("Services near KW15", await page.Locator("h1").TextContentAsync());
        Assert.Equal("No service has a place within 25 miles of the centre of KW15 (Kirkwall), but one service covers it.", await page.Locator(".lead").TextContentAsync());
        Assert.Equal(0, await page.Locator("ol.nearby").CountAsync());
        var line = page.Locator("#also-serving ~ ul.services > li");
        Assert.Equal(["Kirkwall befriending phone line"], await line.Locator("h3").AllTextContentsAsync());
        Assert.Equal(["Call 01632 960777", "Free", "Ages 60+"], await line.Locator(".result-facts > span").AllTextContentsAsync());
        // Pierowall, also on Orkney, is outside the line's area and has no service near it.
        Assert.False(Directory.Exists(Path.Combine(site.Output, "postcodes", "kw17")));
    }

    [BrowserFact]
    public async Task ThePostcodeIndexListsOnlyDistrictsWithAServiceWithin25MilesOrAServiceAreaCoveringThem()
    {
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync("/postcodes/");

        Assert.Contains("Districts with no service that close, and none that covers them, have no page", await page.Locator("main").TextContentAsync());
        Assert.Equal(0, await page.Locator("a[href='/postcodes/iv/']").CountAsync());
        Assert.Equal(0, await page.Locator("a[href='/postcodes/ze/']").CountAsync());
        Assert.False(Directory.Exists(Path.Combine(site.Output, "postcodes", "ze1")));

        await page.GotoAsync("/postcodes/ex/");
        var districts = (await page.Locator("main ul.columns a").AllTextContentsAsync()).ToList();
        Assert.True(districts.IndexOf("EX9") < districts.IndexOf("EX10"), "districts in postcode order");
    }

    [BrowserFact]
    public async Task WithoutJavaScriptATownPageNarrowsToANeed()
    {
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(SiteUrls.Area("Sidmouth"));
        var everything = await ListedAsync(page, "main ul.services");
        var link = page.Locator("nav.narrow a", new() { HasTextString = "Carers" });
        var count = int.Parse((await link.Locator("xpath=..").Locator(".count").TextContentAsync())!.Trim('(', ')').Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        await link.ClickAsync();

        Assert.Equal("Carers in Sidmouth", await page.Locator("h1").TextContentAsync());
        Assert.EndsWith(SiteUrls.AreaNeed("Sidmouth", "carers"), page.Url, StringComparison.Ordinal);
        var narrowed = await ListedAsync(page, "main ul.services");
        Assert.Equal(count, narrowed.Count);
        Assert.All(narrowed, url => Assert.Contains(url, everything));
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var carers = (await site.Client().ReferenceDataAsync(CancellationToken.None)).Categories.Single(c => c.Code == "carers");
        var codes = (carers.Children ?? []).Select(c => c.Code).Append("carers").ToHashSet();
        Assert.All(narrowed, url => Assert.Contains(services.Single(s => SiteUrls.Service(s.Name, s.Id) == url).Categories, c => codes.Contains(c.Code)));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Every service in Sidmouth" }).IsVisibleAsync());
    }

    [BrowserFact]
    public async Task WithoutJavaScriptATownsLongListForABroadNeedNarrowsToASpecificNeed()
    {
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(SiteUrls.Area("Sidmouth"));
        await page.Locator("nav.narrow").GetByRole(AriaRole.Link, new() { Name = "Community and connection" }).ClickAsync();
        var broad = await ListedAsync(page, "main ul.services");
        Assert.True(broad.Count > 10, "a long list offers specific needs");
        var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Narrow to a specific need" }).GetByRole(AriaRole.Link, new() { Name = "Befriending and loneliness" });
        var count = int.Parse((await link.Locator("xpath=..").Locator(".count").TextContentAsync())!.Trim('(', ')').Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

        await link.ClickAsync();

        Assert.Equal("Befriending and loneliness in Sidmouth", await page.Locator("h1").TextContentAsync());
        Assert.EndsWith(SiteUrls.AreaNeed("Sidmouth", "befriending"), page.Url, StringComparison.Ordinal);
        var narrowed = await ListedAsync(page, "main ul.services");
        Assert.Equal(count, narrowed.Count);
        Assert.InRange(narrowed.Count, 1, broad.Count - 1);
        Assert.All(narrowed, url => Assert.Contains(url, broad));
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        Assert.All(narrowed, url => Assert.Contains(services.Single(s => SiteUrls.Service(s.Name, s.Id) == url).Categories, c => c.Code == "befriending"));
        Assert.Equal(["Home", "Towns", "Sidmouth", "Community and connection", "Befriending and loneliness"], await page.Locator(".crumbs a").AllTextContentsAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Community and connection in Sidmouth" }).ClickAsync();
        Assert.EndsWith(SiteUrls.AreaNeed("Sidmouth", "connection"), page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task TheNewPagesHaveNoAccessibilityViolationsAndNoSidewaysScrollingAt320375And1280Pixels()
    {
        var problems = new List<string>();
        foreach (var width in new[] { 320, 375, 1280 })
        {
            var page = await NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
            foreach (var path in new[] { "/postcodes/", "/postcodes/ex/", "/postcodes/ex10/", "/postcodes/kw15/", SiteUrls.Area("Sidmouth"), SiteUrls.AreaNeed("Sidmouth", "carers"),
                                         SiteUrls.AreaNeed("Sidmouth", "connection"), SiteUrls.AreaNeed("Sidmouth", "befriending"),
                                         "/search/#place=Newport", "/search/#postcode=EX10+8XX&age=70&free=yes&language=pl" })
            {
                await page.GotoAsync(path);
                if (path.Contains('#')) await page.Locator("#results li, #place-choices li").First.WaitForAsync();
                problems.AddRange((await SiteBrowser.AxeViolationsAsync(page)).Select(p => $"{width}px {p}"));
                if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                {
                    problems.Add($"{width}px {path}: scrolls sideways");
                }

                await page.GotoAsync("about:blank");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => _browser!.NewPageAsync(options);

    /// <summary>The API's answer with ties at one distance by name, as the site orders them.</summary>
    private async Task<List<FoundService>> NearestAsync(object variables) => (await ApiQueries.NearestAsync(site.Api.CreateClient(), variables)).TiesByName();

    /// <summary>The API's answer with the filters (Queries/NearestFiltered.graphql), every page, in its order.</summary>
    private async Task<List<FoundService>> NearestFilteredAsync(object variables)
    {
        var found = new List<FoundService>();
        string? after = null;
        do
        {
            var query = JsonSerializer.SerializeToNode(variables)!.AsObject();
            query["after"] = after;
            var services = (await ApiQueries.RunAsync(site.Api.CreateClient(), "NearestFiltered", query))["services"]!;
            found.AddRange(services["edges"]!.AsArray().Select(e => new FoundService(
                e!["node"]!["id"]!.GetValue<string>(), e["node"]!["name"]!.GetValue<string>(), e["reach"]!.GetValue<string>(), e["distanceKm"]?.GetValue<double>())));
            after = services["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? services["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        return found.TiesByName();
    }

    private static List<string> Links(List<FoundService> found, bool byLocation) =>
        found.Where(f => f.ByLocation == byLocation).Select(f => f.Url).ToList();

    /// <summary>Every service a list links to, in its order (showing every page of results first).</summary>
    private static async Task<List<string>> ListedAsync(IPage page, string list)
    {
        var more = list switch { "#results" => "#more", "#serving-results" => "#more-serving", _ => null };
        while (more is not null && await page.Locator(more).IsVisibleAsync())
        {
            await page.Locator(more).ClickAsync();
        }

        return (await page.Locator($"{list} > li h2 a, {list} > li h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();
    }

    /// <summary>What the results status should say for what the API found.</summary>
    private static string Status(List<FoundService> found, string place, int miles, string filters = "")
    {
        var (nearby, byArea) = (found.Count(f => f.ByLocation), found.Count(f => !f.ByLocation));
        return (nearby > 0 ? $"{Services(nearby)} within {miles} miles of {place}{filters}, nearest first." : $"No services within {miles} miles of {place}{filters}.")
            + (byArea > 0 ? $" Also serving your area{filters}: {Services(byArea)}." : "");
    }

    private static string Services(int count) => count == 1 ? "1 service" : $"{count} services";
}
