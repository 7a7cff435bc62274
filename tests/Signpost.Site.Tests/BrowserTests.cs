using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>The built site in a real browser (Debian's Chromium, driven by Playwright).</summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class BrowserTests(BuiltSite site) : IAsyncLifetime
{
    private const double TenMilesKm = 16.09344;
    private static readonly (double Latitude, double Longitude) Sidmouth = (50.68, -3.239);

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticSiteServer? _server;

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return; // every test here is skipped, saying why
        }

        _server = await StaticSiteServer.StartAsync(site.Output);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    [BrowserFact]
    public async Task APostcodeSearchShowsTheNearestServiceFirst()
    {
        var expected = await Nearest(new { postcode = "EX10 8XX", radiusKm = TenMilesKm });
        var page = await NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Your postcode").FillAsync("ex10 8xx");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/search/#", StringComparison.Ordinal));
        Assert.Equal(expected.Name, await FirstResultAsync(page));
        Assert.Contains($"{expected.Total} services within 10 miles of EX10 8XX", await page.Locator("#results-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task UseMyLocationFindsServicesNearTheDevice()
    {
        var expected = await Nearest(new { near = new { latitude = Sidmouth.Latitude, longitude = Sidmouth.Longitude }, radiusKm = TenMilesKm });
        var page = await NewPageAsync(new()
        {
            Geolocation = new() { Latitude = (float)Sidmouth.Latitude, Longitude = (float)Sidmouth.Longitude },
            Permissions = ["geolocation"],
        });
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();

        Assert.Equal(expected.Name, await FirstResultAsync(page));
        Assert.Contains("/search/#", page.Url, StringComparison.Ordinal);
        // The location stays in the browser: no request carries it.
        Assert.DoesNotContain(requests, url => url.Contains("50.68", StringComparison.Ordinal) || url.Contains("3.239", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task OpenNowMatchesTheApiForTheSameUkMoment()
    {
        // Tuesday 24 November 2026, 10:30 in the UK (GMT), in the browser's clock and the API's question.
        var expected = await Nearest(new { postcode = "EX10 8XX", radiusKm = TenMilesKm, openAt = "2026-11-24T10:30:00" });
        var page = await NewPageAsync();
        await page.Clock.SetFixedTimeAsync(new DateTime(2026, 11, 24, 10, 30, 0, DateTimeKind.Utc));

        await page.GotoAsync("/search/#postcode=EX10+8XX&radius=10&open=now");

        Assert.Equal(expected.Name, await FirstResultAsync(page));
        Assert.Contains($"{expected.Total} services within 10 miles of EX10 8XX, open now", await page.Locator("#results-status").TextContentAsync());
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
    public async Task AMalformedPostcodeGetsAnErrorMessageTiedToTheField()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/search/");

        await page.GetByLabel("Your postcode").FillAsync("not a postcode");
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
        foreach (var path in new[] { "/", "/search/#postcode=EX10+8XX", "/categories/", SiteUrls.Category("dementia"), SiteUrls.Service(service.Name, service.Id), "/areas/" })
        {
            await page.GotoAsync(path);
            if (path.Contains('#')) await page.Locator("#results li").First.WaitForAsync();
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            });
            problems.AddRange(result.Violations.Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
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

    private async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.BaseURL = _server!.Address.ToString();
        options.TimezoneId = "Europe/London";
        var context = await _browser!.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    private static async Task<string?> FirstResultAsync(IPage page)
    {
        var first = page.Locator("#results li h3").First;
        await first.WaitForAsync();
        return await first.TextContentAsync();
    }

    private async Task<(string Name, int Total)> Nearest(object variables)
    {
        var data = await ApiQueries.RunAsync(site.Api.CreateClient(), "Nearest", variables);
        var services = data["services"]!;
        return (services["edges"]![0]!["node"]!["name"]!.GetValue<string>(), services["totalCount"]!.GetValue<int>());
    }
}
