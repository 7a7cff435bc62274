using Microsoft.Playwright;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>The built site in a real browser (Debian's Chromium, driven by Playwright).</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class BrowserTests(BuiltSite site) : IAsyncLifetime
{
    private const double KmPerMile = 1.609344;
    private const double TenMilesKm = 10 * KmPerMile;
    private static readonly (double Latitude, double Longitude) Sidmouth = (50.68, -3.239);

    // Inland in the Sid Valley, between Sidbury and Sidford: a dozen services have a place within
    // 2 miles, and more (helplines, home visits) reach it only through their service area.
    private static readonly (double Latitude, double Longitude) SidValleyInland = (50.7150, -3.2250);

    private SiteBrowser? _browser;

    // Null where Chromium is not installed: every test here is then skipped, saying why.
    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task APostcodeSearchShowsTheNearestServiceFirst()
    {
        var found = await NearestAsync(new { postcode = "EX10 8XX", radiusKm = TenMilesKm });
        var page = await NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Your postcode").FillAsync("ex10 8xx");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/search/#", StringComparison.Ordinal));
        Assert.Equal(found[0].Name, await FirstResultAsync(page));
        Assert.Equal(Status(found, "EX10 8XX", 10), await page.Locator("#results-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task UseMyLocationFindsServicesNearTheDevice()
    {
        var found = await NearestAsync(new { near = new { latitude = Sidmouth.Latitude, longitude = Sidmouth.Longitude }, radiusKm = TenMilesKm });
        var page = await NewPageAsync(new()
        {
            Geolocation = new() { Latitude = (float)Sidmouth.Latitude, Longitude = (float)Sidmouth.Longitude },
            Permissions = ["geolocation"],
        });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();

        Assert.Equal(found[0].Name, await FirstResultAsync(page));
        Assert.Contains("/search/#", page.Url, StringComparison.Ordinal);
        // The location stays in the browser: no request carries it.
        Assert.DoesNotContain(requests, url => url.Contains("50.68", StringComparison.Ordinal) || url.Contains("3.239", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task OpenNowMatchesTheApiForTheSameUkMoment()
    {
        // Tuesday 24 November 2026, 10:30 in the UK (GMT), in the browser's clock and the API's question.
        var found = await NearestAsync(new { postcode = "EX10 8XX", radiusKm = TenMilesKm, openAt = "2026-11-24T10:30:00" });
        var page = await NewPageAsync();
        await page.Clock.SetFixedTimeAsync(new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc));

        await page.GotoAsync("/search/#postcode=EX10+8XX&radius=10&open=now");

        Assert.Equal(found[0].Name, await FirstResultAsync(page));
        Assert.Equal(Status(found, "EX10 8XX", 10, openNow: true), await page.Locator("#results-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task ServicesThatReachThePlaceOnlyByAreaFollowTheNearbyOnesUnderTheirOwnHeading()
    {
        var found = await NearestAsync(new { near = new { latitude = SidValleyInland.Latitude, longitude = SidValleyInland.Longitude }, radiusKm = 2 * KmPerMile });
        var nearby = found.Where(f => f.ByLocation).Select(f => f.Url).ToList();
        var byArea = found.Where(f => !f.ByLocation).Select(f => f.Url).ToList();
        Assert.True(nearby.Count > 0 && byArea.Count > 0, "the place needs services in both groups");
        var page = await NewPageAsync();

        await page.GotoAsync(FormattableString.Invariant($"/search/#near={SidValleyInland.Latitude},{SidValleyInland.Longitude}&radius=2"));

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Also serving your area" });
        await heading.WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Near your location" }).IsVisibleAsync());
        Assert.Equal(Status(found, "your location", 2), await page.Locator("#results-status").TextContentAsync());
        // Each group in the API's order: nearby by distance, then by-area services by their nearest place; ties by name.
        Assert.Equal(nearby, await Links(page, "#results"));
        Assert.Equal(byArea, await Links(page, "#serving-results"));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.getElementById('results').compareDocumentPosition(document.getElementById('serving-heading')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the by-area group comes after the nearby one");
        Assert.Contains("Phone, online or home-visit services that cover where you are.", await page.Locator("#serving").TextContentAsync());
        var problems = await SiteBrowser.AxeViolationsAsync(page);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [BrowserFact]
    public async Task ShowMoreListsEveryNearbyServiceAPageAtATimeAndMovesFocusToTheNextOne()
    {
        var found = await NearestAsync(new { near = new { latitude = Sidmouth.Latitude, longitude = Sidmouth.Longitude }, radiusKm = TenMilesKm });
        var nearby = found.Where(f => f.ByLocation).Select(f => f.Url).ToList();
        Assert.True(nearby.Count > 40, $"only {nearby.Count} nearby services: too few for three pages");
        var page = await NewPageAsync();
        await page.GotoAsync(FormattableString.Invariant($"/search/#near={Sidmouth.Latitude},{Sidmouth.Longitude}&radius=10"));
        await page.Locator("#results li").First.WaitForAsync();
        Assert.Equal(20, await page.Locator("#results > li").CountAsync());

        var more = page.GetByRole(AriaRole.Button, new() { Name = "Show more nearby services" });
        await more.ClickAsync();
        Assert.Equal(nearby[20], await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        while (await more.IsVisibleAsync())
        {
            await more.ClickAsync();
        }

        Assert.Equal(nearby, await Links(page, "#results"));
        Assert.Equal(found.Where(f => !f.ByLocation).Select(f => f.Url), await Links(page, "#serving-results"));
    }

    [PagefindBrowserFact]
    public async Task SearchingByWordsFindsTheServicesThatMentionThem()
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var cafes = services.Where(s => s.Name.Contains("café", StringComparison.OrdinalIgnoreCase) && (s.Description ?? "").Contains("dementia", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name).ToHashSet();
        Assert.NotEmpty(cafes);
        var page = await NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Or search by words").FillAsync("dementia café");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await page.Locator("#results li").First.WaitForAsync();
        var titles = await page.Locator("#results h3").AllTextContentsAsync();
        Assert.Contains(titles, cafes.Contains);
        Assert.Matches("services? match", await page.Locator("#results-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task ListYourServiceShowsEachProblemBesideItsFieldThenTheReference()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(SiteUrls.ListYourService);
        await page.GetByLabel("Organisation name").FillAsync("Sidford Hall Trust");
        await page.GetByLabel("Service name").FillAsync("Form-sent knit and natter");
        await page.GetByLabel("What it offers").FillAsync("Knitting and a chat, every Thursday afternoon.");
        await page.GetByLabel("The main need it meets").SelectOptionAsync("befriending");
        await page.GetByLabel("Address line 1").FillAsync("Byes Lane");
        await page.GetByLabel("Town or city").FillAsync("Sidford");
        await page.GetByLabel("Postcode").FillAsync("EX10 XYZ");
        await page.GetByLabel("How often (optional)").SelectOptionAsync("MONTHLY:2");
        await page.GetByLabel("Day (optional)").SelectOptionAsync("TH");
        await page.GetByLabel("Opens at (optional)").FillAsync("14:00");
        await page.GetByLabel("Closes at (optional)").FillAsync("16:00");
        await page.GetByLabel("Your email address (optional)").FillAsync("pat.private@example.org");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send for listing" }).ClickAsync();

        var summary = page.Locator("#error-summary");
        await summary.WaitForAsync();
        Assert.Contains("Enter the postcode of the place, like EX10 8XX", await summary.TextContentAsync());
        var postcode = page.GetByLabel("Postcode");
        Assert.Equal("true", await postcode.GetAttributeAsync("aria-invalid"));
        Assert.Contains("postcode-error", await postcode.GetAttributeAsync("aria-describedby"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'error-summary'"), "the summary takes focus");
        Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));

        await postcode.FillAsync("EX10 9QX");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for listing" }).ClickAsync();

        await page.Locator("#done").WaitForAsync();
        var reference = await page.Locator("#done-reference").TextContentAsync();
        Assert.Matches("^SP-[2-9A-Z]{4}-[2-9A-Z]{4}$", reference);
        var queued = (await QueueAsync()).Single(i => i!["reference"]!.GetValue<string>() == reference)!;
        Assert.Equal("NEW_LISTING", queued["kind"]!.GetValue<string>());
        Assert.Contains(queued["changes"]!.AsArray(), c => c!["proposed"]!.GetValue<string>() == "MONTHLY 2TH 14:00-16:00");
    }

    [BrowserFact]
    public async Task AResidentCanReportAProblemAndSuggestAChangeFromAServicePage()
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var service = services.First(s => s.Id != SiteApiFactory.HostileServiceId && s.Description is not null);
        var page = await NewPageAsync();

        await page.GotoAsync(SiteUrls.Service(service.Name, service.Id));
        await page.GetByRole(AriaRole.Link, new() { Name = "Report a problem" }).ClickAsync();
        await Assertions.Expect(page.Locator("#about-service")).ToContainTextAsync(service.Name, new() { Timeout = 15_000 });
        await page.GetByLabel("It has closed").CheckAsync();
        await page.GetByLabel("Tell us more").FillAsync("The hall is being rebuilt until spring.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        var report = await page.Locator("#done-reference").TextContentAsync();

        await page.GotoAsync(SiteUrls.Service(service.Name, service.Id));
        await page.GetByRole(AriaRole.Link, new() { Name = "Suggest a change" }).ClickAsync();
        // Starts from the listing as it is, which the form fetches from the API after the page loads.
        await Assertions.Expect(page.GetByLabel("What it offers")).ToHaveValueAsync(service.Description!, new() { Timeout = 15_000 });
        await page.GetByLabel("A notice for people, for now").FillAsync("No sessions over Christmas.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the change" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        var suggestion = await page.Locator("#done-reference").TextContentAsync();

        var queue = await QueueAsync();
        var reported = queue.Single(i => i!["reference"]!.GetValue<string>() == report)!;
        Assert.Equal("CLOSED", reported["topic"]!.GetValue<string>());
        Assert.Equal("The hall is being rebuilt until spring.", reported["message"]!.GetValue<string>());
        var suggested = queue.Single(i => i!["reference"]!.GetValue<string>() == suggestion)!;
        var change = Assert.Single(suggested["changes"]!.AsArray()); // only what was changed
        Assert.Equal("alert", change!["field"]!.GetValue<string>());
        Assert.Equal(service.Id, suggested["service"]!["id"]!.GetValue<string>());
    }

    [BrowserFact]
    public async Task AMalformedPostcodeGetsAnErrorMessageTiedToTheField()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/search/");

        await page.GetByLabel("Your postcode").FillAsync("EX10 XYZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        var input = page.GetByLabel("Your postcode");
        Assert.Equal("true", await input.GetAttributeAsync("aria-invalid"));
        Assert.Contains("postcode-error", await input.GetAttributeAsync("aria-describedby"));
        Assert.Equal("Enter a full UK postcode, for example EX10 8XX.", await page.Locator("#postcode-error").TextContentAsync());
    }

    [BrowserFact]
    public async Task CategoryAndServicePagesWorkWithoutJavaScript()
    {
        var page = await NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync("/");
        Assert.False(await page.Locator("#finder").IsVisibleAsync(), "the search form needs JavaScript, so it stays hidden");

        await page.GetByRole(AriaRole.Link, new() { Name = "Needs", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Dementia", Exact = true }).First.ClickAsync();
        Assert.Equal("Dementia", await page.Locator("h1").TextContentAsync());

        var first = page.Locator("ul.services h3 a").First;
        var name = await first.TextContentAsync();
        await first.ClickAsync();
        Assert.Equal(name, await page.Locator("h1").TextContentAsync());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "When" }).IsVisibleAsync());
    }

    [BrowserFact]
    public async Task TheMainPagesHaveNoAccessibilityViolations()
    {
        var services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        var service = services.First(s => s.Locations.Count > 0 && s.Schedules.Count > 0 && s.Id != SiteApiFactory.HostileServiceId);
        var page = await NewPageAsync();
        var problems = new List<string>();
        foreach (var path in new[] { "/", "/search/#postcode=EX10+8XX", "/categories/", SiteUrls.Category("dementia"), SiteUrls.Service(service.Name, service.Id), "/areas/", SiteUrls.Area("Sidbury"),
                                     SiteUrls.ListYourService, SiteUrls.About(SiteUrls.ReportProblem, service.Id), SiteUrls.About(SiteUrls.SuggestChange, service.Id) })
        {
            await page.GotoAsync(path);
            if (path.Contains('#')) await page.Locator("#results li").First.WaitForAsync();
            problems.AddRange(await SiteBrowser.AxeViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [BrowserFact]
    public async Task AHostileListingRunsNothingInTheBrowser()
    {
        var page = await NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };

        await page.GotoAsync(SiteUrls.Service("<script>alert('name')</script> Hostile café", SiteApiFactory.HostileServiceId));
        foreach (var link in await page.Locator("main a").AllAsync())
        {
            await link.HoverAsync();
        }

        await page.GotoAsync("/search/#postcode=LS1+4AP&radius=2");
        await page.Locator("#results li").First.WaitForAsync();
        var names = await page.Locator("#results h3").AllTextContentsAsync();

        Assert.Contains("<script>alert('name')</script> Hostile café", names);
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("main img, main svg, main iframe").CountAsync());
    }

    private async Task<System.Text.Json.Nodes.JsonArray> QueueAsync()
    {
        var output = new StringWriter();
        Assert.Equal(0, await Signpost.Moderation.ApiKeysCommand.RunAsync(site.Api.Services, ["create", "--name", "browser-" + Guid.NewGuid().ToString("N")[..8], "--role", "moderator"], output, TextWriter.Null));
        var key = output.ToString().Trim().Split('\n')[^1].Trim();
        return (await ApiQueries.RunAsync(site.Api.CreateClient(), "Queue", new { }, key))["moderationQueue"]!.AsArray();
    }

    private Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => _browser!.NewPageAsync(options);

    private static async Task<string?> FirstResultAsync(IPage page)
    {
        var first = page.Locator("#results li h3").First;
        await first.WaitForAsync();
        return await first.TextContentAsync();
    }

    /// <summary>What the API finds, in the order the site lists it (ties at one distance by name).</summary>
    private async Task<List<FoundService>> NearestAsync(object variables) => (await ApiQueries.NearestAsync(site.Api.CreateClient(), variables)).TiesByName();

    /// <summary>The service pages a results list links to, in its order.</summary>
    private static async Task<List<string>> Links(IPage page, string list) =>
        (await page.Locator($"{list} > li h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();

    /// <summary>What the results status should say for what the API found: each group's count.</summary>
    private static string Status(List<FoundService> found, string place, int miles, bool openNow = false)
    {
        var open = openNow ? ", open now" : "";
        var (nearby, byArea) = (found.Count(f => f.ByLocation), found.Count(f => !f.ByLocation));
        return (nearby > 0 ? $"{Services(nearby)} within {miles} miles of {place}{open}, nearest first." : $"No services within {miles} miles of {place}{open}.")
            + (byArea > 0 ? $" Also serving your area{open}: {Services(byArea)}." : "");
    }

    private static string Services(int count) => count == 1 ? "1 service" : $"{count} services";
}
