using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Signpost.Site.Api;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>Service pages at a glance, and the forms in plain English, in a real browser.</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ServicePageAndFormsBrowserTests(BuiltSite site) : IAsyncLifetime
{
    private const string FromeHospiceAtHome = "Hospice care at home (Frome)";
    private static readonly int[] PhoneWidths = [320, 375];

    private SiteBrowser? _browser;
    private IReadOnlyList<Service> _services = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return; // every test here is skipped, saying why
        }

        _services = await site.Client().AllServicesAsync(null, CancellationToken.None);
        _browser = await site.BrowserAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task OpeningHoursCarryTheirLabelsAndSayWhatIsOpenNowInUkTime()
    {
        var url = UrlOf(Named(FromeHospiceAtHome));
        var page = await NewPageAsync();
        // Tuesday 24 November 2026, 6am in the UK: the advice line answers all night, home visits start at 8.
        await page.Clock.SetFixedTimeAsync(new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc));
        await page.GotoAsync(url);

        Assert.Equal(["Home visits: every day, 8am–8pm", "Advice line: every day, 24 hours"], await page.Locator("#hours li").AllTextContentsAsync());
        await Assertions.Expect(page.Locator("#open-now")).ToHaveTextAsync("Advice line open now");

        var later = await NewPageAsync();
        await later.Clock.SetFixedTimeAsync(new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc));
        await later.GotoAsync(url);
        await Assertions.Expect(later.Locator("#open-now")).ToHaveTextAsync("Home visits and advice line open now");

        // Worked out in the browser, never part of the page itself.
        var html = site.Read(SiteUrls.FileFor(url));
        Assert.Contains("<p class=\"open-now\" id=\"open-now\" hidden></p>", html, StringComparison.Ordinal);
        var withoutScript = await NewPageAsync(new() { JavaScriptEnabled = false });
        await withoutScript.GotoAsync(url);
        Assert.False(await withoutScript.Locator("#open-now").IsVisibleAsync());
        Assert.Equal("Advice line: every day, 24 hours", await withoutScript.Locator("#hours li").Nth(1).TextContentAsync());
    }

    [BrowserFact]
    public async Task EveryPageTypeFitsA320And375PixelScreenWithoutSidewaysScrolling()
    {
        var service = Named(FromeHospiceAtHome);
        var longest = _services.Where(s => s.Id != SiteApiFactory.HostileServiceId)
            .OrderByDescending(s => (s.Email?.Length ?? 0) + (s.Url?.Length ?? 0) + s.Contacts.Sum(c => c.Email?.Length ?? 0)).First();
        var organization = SiteUrls.Organization(longest.Organization.Name, longest.Organization.Id);
        var pages = new[]
        {
            "/", "/search/#postcode=EX10+8XX", "/categories/", SiteUrls.Category("dementia"), "/areas/", SiteUrls.Area("Sidmouth"), organization,
            UrlOf(service), UrlOf(longest), SiteUrls.Service("<script>alert('name')</script> Hostile café", SiteApiFactory.HostileServiceId),
            SiteUrls.Content("about"), SiteUrls.ListYourService, SiteUrls.About(SiteUrls.SuggestChange, longest.Id), SiteUrls.About(SiteUrls.ReportProblem, longest.Id),
            SiteUrls.SubmissionStatus, "/no-such-page/",
        };
        var wide = new List<string>();
        foreach (var width in PhoneWidths)
        {
            var page = await NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
            foreach (var path in pages)
            {
                await page.GotoAsync(path);
                if (path.Contains('#', StringComparison.Ordinal)) await page.Locator("#results li").First.WaitForAsync();
                if (path.Contains("?service=", StringComparison.Ordinal)) await page.Locator("#submission").WaitForAsync();
                if (await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth"))
                {
                    wide.Add($"{path} at {width} px: {await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")} px wide");
                }
            }
        }

        Assert.True(wide.Count == 0, string.Join(Environment.NewLine, wide));
    }

    [BrowserFact]
    public async Task AListingNotCheckedForOverAYearSaysSoNearTheTopAndARecentOneDoesNot()
    {
        var yearAgo = BuiltSite.Today.AddYears(-1).AddDays(-2);
        var stale = _services.First(s => s.LastVerified < yearAgo && s.Description is not null && s.Id != SiteApiFactory.HostileServiceId);
        var fresh = _services.First(s => s.LastVerified > yearAgo.AddDays(30));
        var page = await NewPageAsync();

        await page.GotoAsync(UrlOf(stale));

        var notice = page.Locator(".notice.stale");
        Assert.Equal($"Last checked {stale.LastVerified!.Value.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} — details may have changed; please call before you go.",
            await notice.TextContentAsync());
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('.notice.stale').compareDocumentPosition(document.querySelector('.lead')) & Node.DOCUMENT_POSITION_FOLLOWING)"),
            "the notice comes before the description");
        await page.GotoAsync(UrlOf(fresh));
        Assert.Equal(0, await page.Locator(".notice.stale").CountAsync());
    }

    [BrowserFact]
    public async Task ContactDetailsComeBeforeEverythingElseAboutTheServiceOnAPhone()
    {
        var service = Named(FromeHospiceAtHome);
        var page = await NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 800 } });

        await page.GotoAsync(UrlOf(service));

        var headings = await page.Locator("article h2").AllTextContentsAsync();
        Assert.Equal("Contact", headings[0]);
        var phone = page.Locator(".contact a[href^='tel:']").First;
        Assert.Equal("tel:" + new string(service.Phones[0].Number.Where(char.IsAsciiDigit).ToArray()), await phone.GetAttributeAsync("href"));
        Assert.True(await phone.IsVisibleAsync());
        Assert.True((await phone.BoundingBoxAsync())!.Y < 800 * 1.5, "the number to call is within a screen and a half of the top");
    }

    [BrowserFact]
    public async Task PrintingAServicePageShowsItsOwnAddressAndTheDateNotMapAddresses()
    {
        var service = Named(FromeHospiceAtHome);
        var page = await NewPageAsync();
        await page.Clock.SetFixedTimeAsync(new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc));
        await page.GotoAsync(UrlOf(service));

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var printed = page.Locator(".print-only");
        Assert.True(await printed.IsVisibleAsync());
        Assert.Equal($"Printed from https://signpost.example.org{UrlOf(service)} on 24 November 2026.", await printed.TextContentAsync());
        Assert.False(await page.Locator(".map").First.IsVisibleAsync(), "a map link's long address is left off paper");
    }

    [BrowserFact]
    public async Task TheListingFormShowsEveryProblemAtOnceBesideItsFieldAndInTheSummary()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(SiteUrls.ListYourService);

        await page.GetByRole(AriaRole.Button, new() { Name = "Send for listing" }).ClickAsync();

        Assert.Equal(
            ["Enter the name of the organisation that runs it", "Enter the name of the service", "Say what the service offers, in a few sentences", "Choose the main need it meets"],
            await SummaryAsync(page));
        foreach (var (id, message) in new[] { ("org-name", "Enter the name of the organisation that runs it"), ("need", "Choose the main need it meets") })
        {
            Assert.Equal(message, await page.Locator($"#{id}-error").TextContentAsync());
            Assert.Equal("true", await page.Locator($"#{id}").GetAttributeAsync("aria-invalid"));
            Assert.Equal($"#{id}", await page.Locator("#error-summary a", new() { HasText = message }).GetAttributeAsync("href"));
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'error-summary'"), "the summary takes focus");

        await page.GetByLabel("Organisation name").FillAsync("Sidford Hall Trust");
        await page.GetByLabel("Service name").FillAsync("Form-checked knit and natter");
        await page.GetByLabel("What it offers").FillAsync(new string('k', 4_001));
        await page.GetByLabel("The main need it meets").SelectOptionAsync("befriending");
        await page.GetByLabel("Address line 1").FillAsync("Byes Lane");
        await page.GetByLabel("Postcode").FillAsync("EX10 XYZ");
        await page.GetByLabel("Email (optional)").FillAsync("pat at example.org");
        await page.GetByLabel("Youngest age (optional)").FillAsync("70");
        await page.GetByLabel("Oldest age (optional)").FillAsync("18");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for listing" }).ClickAsync();

        Assert.Equal(
            ["Shorten this to 4,000 characters or fewer (it has 4,001)", "The youngest age must not be more than the oldest age", "Enter the town or city",
             "Enter the postcode of the place, like EX10 8XX", "Enter an email address like name@example.org"],
            await SummaryAsync(page));
        await AssertPlainEnglishAsync(page);
        Assert.Equal(0, await QueuedAsync("Form-checked knit and natter"));
    }

    [BrowserFact]
    public async Task AProblemOnlyTheApiCanFindIsShownBesideItsFieldInPlainEnglish()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(SiteUrls.ListYourService);
        await page.GetByLabel("Organisation name").FillAsync("Nowhere Trust");
        await page.GetByLabel("Service name").FillAsync("A group in an unknown district");
        await page.GetByLabel("What it offers").FillAsync("Somewhere Signpost has no map for.");
        await page.GetByLabel("The main need it meets").SelectOptionAsync("befriending");
        await page.GetByLabel("Address line 1").FillAsync("1 Nowhere Lane");
        await page.GetByLabel("Town or city").FillAsync("Nowhere");
        await page.GetByLabel("Postcode").FillAsync("ZE9 9ZZ"); // well formed, but no such district

        await page.GetByRole(AriaRole.Button, new() { Name = "Send for listing" }).ClickAsync();

        Assert.Equal(["We do not know where that postcode is yet. Check it, or tell us the place in the description."], await SummaryAsync(page));
        Assert.Equal("true", await page.Locator("#postcode").GetAttributeAsync("aria-invalid"));
        await AssertPlainEnglishAsync(page);
    }

    [BrowserFact]
    public async Task TheReportAndSuggestionFormsCheckTheirFieldsTheSameWay()
    {
        var service = WithAddress();
        var page = await NewPageAsync();
        await page.GotoAsync(SiteUrls.About(SiteUrls.ReportProblem, service.Id));
        await page.Locator("#submission").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        Assert.Equal(["Tell us what is wrong"], await SummaryAsync(page));

        await page.GotoAsync(SiteUrls.About(SiteUrls.SuggestChange, service.Id));
        await Assertions.Expect(page.GetByLabel("Service name (optional)")).ToHaveValueAsync(service.Name, new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the change" }).ClickAsync();
        Assert.Equal(["Change at least one detail: each box holds what the listing says now"], await SummaryAsync(page));

        await page.GetByLabel("Phone number (optional)").FillAsync("ring the hall");
        await page.GetByLabel("Web page (optional)").FillAsync("www.example.org");
        await page.GetByLabel("Postcode (optional)").FillAsync("EX10");
        await page.GetByLabel("Address line 1 (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the change" }).ClickAsync();

        Assert.Equal(
            ["Enter a phone number of digits and spaces, like 01395 512345", "Enter a web address starting with https://, like https://www.example.org",
             "Enter the first line of the new address", "Enter the postcode of the place, like EX10 8XX"],
            await SummaryAsync(page));
        await AssertPlainEnglishAsync(page);
    }

    [BrowserFact]
    public async Task ASuggestedPhoneAddressWebsiteAndOpeningTimesReachTheModerationQueueWithThoseValues()
    {
        var service = WithAddress();
        var page = await NewPageAsync();
        await page.GotoAsync(UrlOf(service));
        await page.GetByRole(AriaRole.Link, new() { Name = "Suggest a change" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Service name (optional)")).ToHaveValueAsync(service.Name, new() { Timeout = 15_000 });

        await page.GetByLabel("Phone number (optional)").FillAsync("01395 000111");
        await page.GetByLabel("Web page (optional)").FillAsync("https://moved.example.org/");
        await page.GetByLabel("Address line 1 (optional)").FillAsync("2 New Street");
        await page.GetByLabel("Address line 2 (optional)").FillAsync("");
        await page.GetByLabel("Town or city (optional)").FillAsync("Sidbury");
        await page.GetByLabel("Postcode (optional)").FillAsync("ex10 0qq");
        await page.GetByLabel("Opening times (optional)").FillAsync("Mondays, 9am to 1pm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the change" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        var reference = await page.Locator("#done-reference").TextContentAsync();

        var queued = (await QueueAsync()).Single(i => i!["reference"]!.GetValue<string>() == reference)!;
        var proposed = queued["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => c!["proposed"]?.GetValue<string>());
        Assert.Equal("01395 000111", proposed["phone"]);
        Assert.Equal("https://moved.example.org/", proposed["url"]);
        Assert.Equal("2 New Street", proposed["address.address1"]);
        Assert.Equal("Sidbury", proposed["address.city"]);
        Assert.Equal("EX10 0QQ", proposed["address.postcode"]);
        Assert.Equal("Mondays, 9am to 1pm", proposed["openingTimes"]);
        Assert.DoesNotContain("description", proposed.Keys); // only what was changed
    }

    [BrowserFact]
    public async Task TheStatusPageShowsReceivedThenApprovedOrNotApprovedWithTheReason()
    {
        var service = WithAddress();
        var (approvedPage, approvedReference) = await ReportAsync(service, "The hall has a new entrance.");
        var (rejectedPage, rejectedReference) = await ReportAsync(service, "It is closed for good.");

        foreach (var page in new[] { approvedPage, rejectedPage })
        {
            var link = page.GetByRole(AriaRole.Link, new() { Name = "Check how it is going" });
            var href = await link.GetAttributeAsync("href");
            Assert.StartsWith(SiteUrls.SubmissionStatus + "#reference=SP-", href, StringComparison.Ordinal); // in the fragment, never sent to a server
            Assert.DoesNotContain("?", href, StringComparison.Ordinal);
            await link.ClickAsync();
            await Assertions.Expect(page.Locator("#status-heading")).ToHaveTextAsync("Received");
        }

        Assert.Contains(approvedReference!, await approvedPage.Locator("#status-detail").TextContentAsync(), StringComparison.Ordinal);
        await DecideAsync(approvedReference!, approve: true);
        await DecideAsync(rejectedReference!, approve: false, reason: "<b>Not</b> our listing: ask the council.");

        await approvedPage.ReloadAsync();
        await Assertions.Expect(approvedPage.Locator("#status-heading")).ToHaveTextAsync("Approved");
        await rejectedPage.ReloadAsync();
        await Assertions.Expect(rejectedPage.Locator("#status-heading")).ToHaveTextAsync("Not approved");
        Assert.Equal("The reason: <b>Not</b> our listing: ask the council.", await rejectedPage.Locator("#status-reason").TextContentAsync());
        Assert.Equal(0, await rejectedPage.Locator("#status-reason b").CountAsync());

        // A wrong code is a plain message beside the field; without JavaScript the page says it needs it.
        await rejectedPage.GotoAsync(SiteUrls.SubmissionStatus + "#reference=" + rejectedReference + "&code=wrong");
        await rejectedPage.ReloadAsync();
        Assert.Equal(["We could not find a submission with this reference and code. Check both and try again"], await SummaryAsync(rejectedPage));
        var withoutScript = await NewPageAsync(new() { JavaScriptEnabled = false });
        await withoutScript.GotoAsync(SiteUrls.SubmissionStatus);
        Assert.Contains("needs JavaScript", await withoutScript.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await withoutScript.Locator("#status-form").IsVisibleAsync());
    }

    [BrowserFact]
    public async Task ServiceFormAndStatusPagesHaveNoAccessibilityViolationsAt320375And1280Pixels()
    {
        var stale = _services.First(s => s.LastVerified < BuiltSite.Today.AddYears(-1) && s.Id != SiteApiFactory.HostileServiceId);
        var problems = new List<string>();
        foreach (var width in new[] { 320, 375, 1280 })
        {
            var page = await NewPageAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
            await page.Clock.SetFixedTimeAsync(new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc));
            foreach (var path in new[] { UrlOf(Named(FromeHospiceAtHome)), UrlOf(stale), SiteUrls.About(SiteUrls.SuggestChange, stale.Id), SiteUrls.About(SiteUrls.ReportProblem, stale.Id), SiteUrls.SubmissionStatus })
            {
                await page.GotoAsync(path);
                if (path.Contains("?service=", StringComparison.Ordinal)) await page.Locator("#submission").WaitForAsync();
                problems.AddRange(await SiteBrowser.AxeViolationsAsync(page));
            }

            // With every problem showing.
            await page.GotoAsync(SiteUrls.ListYourService);
            await page.GetByLabel("Email (optional)").FillAsync("not an email");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send for listing" }).ClickAsync();
            await page.Locator("#error-summary").WaitForAsync();
            problems.AddRange(await SiteBrowser.AxeViolationsAsync(page));
            await page.GotoAsync(SiteUrls.SubmissionStatus);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await page.Locator("#error-summary").WaitForAsync();
            problems.AddRange(await SiteBrowser.AxeViolationsAsync(page));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<(IPage Page, string? Reference)> ReportAsync(Service service, string message)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(SiteUrls.About(SiteUrls.ReportProblem, service.Id));
        await Assertions.Expect(page.Locator("#about-service")).ToContainTextAsync(service.Name, new() { Timeout = 15_000 });
        await page.GetByLabel("Tell us more").FillAsync(message);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        return (page, await page.Locator("#done-reference").TextContentAsync());
    }

    private async Task DecideAsync(string reference, bool approve, string? reason = null)
    {
        var key = await ModeratorKeyAsync();
        var item = (await ApiQueries.RunAsync(site.Api.CreateClient(), "QueueItems", new { }, key))["moderationQueue"]!.AsArray()
            .Single(i => i!["reference"]!.GetValue<string>() == reference)!;
        var id = item["id"]!.GetValue<string>();
        await ApiQueries.RunAsync(site.Api.CreateClient(), approve ? "Approve" : "Reject", approve ? new { id } : new { id, reason }, key);
    }

    private async Task<JsonArray> QueueAsync() =>
        (await ApiQueries.RunAsync(site.Api.CreateClient(), "Queue", new { }, await ModeratorKeyAsync()))["moderationQueue"]!.AsArray();

    private async Task<int> QueuedAsync(string name) =>
        (await ApiQueries.RunAsync(site.Api.CreateClient(), "Queue", new { }, await ModeratorKeyAsync()))["moderationQueue"]!.AsArray()
            .Count(i => i!["changes"]!.AsArray().Any(c => c!["proposed"]?.GetValue<string>() == name));

    private async Task<string> ModeratorKeyAsync()
    {
        var output = new StringWriter();
        Assert.Equal(0, await Signpost.Moderation.ApiKeysCommand.RunAsync(site.Api.Services, ["create", "--name", "pages-" + Guid.NewGuid().ToString("N")[..8], "--role", "moderator"], output, TextWriter.Null));
        return output.ToString().Trim().Split('\n')[^1].Trim();
    }

    /// <summary>The error summary's messages, once it shows.</summary>
    private static async Task<string[]> SummaryAsync(IPage page)
    {
        await page.Locator("#error-summary li").First.WaitForAsync();
        return [.. (await page.Locator("#error-summary li").AllTextContentsAsync()).Select(t => t.Trim())];
    }

    /// <summary>Nothing on the page speaks the API's language: no input paths, codes or its own wording.</summary>
    private static async Task AssertPlainEnglishAsync(IPage page)
    {
        var text = await page.Locator("main").InnerTextAsync();
        foreach (var technical in new[] { "input.", "GraphQL", "BAD_USER_INPUT", "NOT_FOUND", "must be", "is required", "is not a full UK postcode", "Signpost cannot" })
        {
            Assert.DoesNotContain(technical, text, StringComparison.Ordinal);
        }
    }

    private Service Named(string name) => _services.Single(s => s.Name == name);

    private Service WithAddress() => _services.First(s => s.Id != SiteApiFactory.HostileServiceId && s.Description is not null
        && s.Locations.Any(l => l.Address is not null) && s.Phones.Count > 0 && s.Name != FromeHospiceAtHome);

    private static string UrlOf(Service service) => SiteUrls.Service(service.Name, service.Id);

    private Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => _browser!.NewPageAsync(options);
}
