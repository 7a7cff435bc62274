using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Signpost.Data;
using Signpost.Services;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// A provider's way in, in Chromium: the claim form on a service page, then (once a moderator has
/// approved it) the emailed link, choosing a password, signing in, and changing their own listing
/// and nothing else; axe-core finds nothing on any page, and nothing scrolls sideways at 375 px.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ProviderBrowserTests(BuiltSite site) : IAsyncLifetime
{
    private SiteBrowser? _browser;

    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task AClaimFromAServicePageSaysWhatIsMissingThenReachesTheQueueWithTheClaimantsDetails()
    {
        var service = (await site.Client().AllServicesAsync(null, CancellationToken.None)).First(s => s.Id != SiteApiFactory.HostileServiceId);
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 900 } });
        await page.GotoAsync(SiteUrls.Service(service.Name, service.Id));
        await page.GetByRole(AriaRole.Link, new() { Name = "Run this service? Claim this listing" }).ClickAsync();
        await Assertions.Expect(page.Locator("#about-service")).ToContainTextAsync($"Claim \u201c{service.Name}\u201d", new() { Timeout = 15_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await page.Locator("#error-summary li").First.WaitForAsync();
        Assert.Equal(["Enter your name", "Enter your email address at work, like name@example.org"],
            (await page.Locator("#error-summary li").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));

        await page.GetByLabel("Your name").FillAsync("Jo Bloggs");
        await page.GetByLabel("Your email address at work").FillAsync("jo@hospice.example.org");
        await page.GetByLabel("Your role there (optional)").FillAsync("Volunteer coordinator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the request" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        var reference = await page.Locator("#done-reference").TextContentAsync();
        Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"));

        var queued = (await ApiQueries.RunAsync(site.Api.CreateClient(), "Queue", new { }, await ModeratorKeyAsync()))["moderationQueue"]!.AsArray()
            .Single(i => i!["reference"]!.GetValue<string>() == reference)!;
        Assert.Equal("CLAIM", queued["kind"]!.GetValue<string>());
        Assert.Equal("jo@hospice.example.org", queued["submitter"]!["email"]!.GetValue<string>());
    }

    [BrowserFact]
    public async Task AnApprovedProviderChoosesAPasswordFromTheEmailSignsInAndChangesOnlyTheirOwnListing()
    {
        using var api = new ConsoleApiFactory();
        var (own, other) = await TwoOrganisationsAsync(api);
        var email = $"{Guid.NewGuid():N}@provider.example.org";
        var key = await api.ModeratorKeyAsync();
        var claim = await api.GraphQLAsync("mutation($input: ClaimListingInput!) { claimListing(input: $input) { reference } }",
            new { input = new { serviceId = own, name = "Jo Bloggs", email } });
        var queue = await api.GraphQLAsync("{ moderationQueue(kind: CLAIM, first: 10) { id reference } }", new { }, key);
        var id = queue["moderationQueue"]!.AsArray().Single(i => i!["reference"]!.GetValue<string>() == claim["claimListing"]!["reference"]!.GetValue<string>())!["id"]!.GetValue<string>();
        await api.GraphQLAsync("mutation($input: ApproveSubmissionInput!) { approveSubmission(input: $input) { submission { status } } }", new { input = new { id } }, key);
        var link = Signpost.Tests.Infrastructure.Mailbox.PasswordLink(Assert.Single(Signpost.Tests.Infrastructure.Mailbox.To(api.MailFolder, email)));

        var page = await _browser!.NewPageAsync(api.Address, new() { ViewportSize = new() { Width = 375, Height = 900 } });
        await page.GotoAsync(link);
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);
        await page.GetByLabel("New password").FillAsync("Provider pass 2026");
        await page.GetByLabel("The same password again").FillAsync("Provider pass 2026");
        await page.GetByLabel("The same password again").PressAsync("Enter");
        await Assertions.Expect(page.Locator(".done")).ToContainTextAsync("Your password is saved.");

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("Provider pass 2026");
        await page.GetByLabel("Password").PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("your listings");
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);

        await page.Locator($"a[href='/moderate/provider/{own}']").ClickAsync();
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);
        await page.GetByLabel("Notice to show at the top").FillAsync("Closed on Boxing Day");
        await page.GetByLabel("Website").FillAsync("not a web address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Website must be a web address");
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);
        await page.GetByLabel("Website").FillAsync("https://provider.example.org/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".done")).ToHaveTextAsync("Saved: your changes are live.");
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);

        var changed = await api.GraphQLAsync("query($id: ID!) { service(id: $id) { alert url } }", new { id = own });
        Assert.Equal("Closed on Boxing Day", changed["service"]!["alert"]!.GetValue<string>());

        // Another organisation's listing is simply not there for them, and the queue is not theirs.
        var response = await page.GotoAsync($"/moderate/provider/{other}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("There is nothing here");
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);
        await page.GotoAsync("/moderate/listings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your account cannot open that page");
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);
    }

    private static async Task<(string Own, string Other)> TwoOrganisationsAsync(ConsoleApiFactory api)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var services = await db.Services.Where(s => s.Status == ServiceStatus.Active).OrderBy(s => s.Id).Select(s => new { s.Id, s.OrganizationId }).Take(50).ToListAsync();
        var own = services[0];
        var other = services.First(s => s.OrganizationId != own.OrganizationId);
        return (own.Id.ToString(), other.Id.ToString());
    }

    private async Task<string> ModeratorKeyAsync()
    {
        var output = new StringWriter();
        Assert.Equal(0, await Signpost.Moderation.ApiKeysCommand.RunAsync(site.Api.Services, ["create", "--name", "claims-" + Guid.NewGuid().ToString("N")[..8], "--role", "moderator"], output, TextWriter.Null));
        return output.ToString().Trim().Split('\n')[^1].Trim();
    }
}
