using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// The moderation console in Chromium, as a volunteer uses it on a phone and at a desk: signing in,
/// a wrong password, the queue, a submission, the listings; axe-core finds nothing on any page, and
/// nothing scrolls sideways at 375 px.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ModerationConsoleBrowserTests(BuiltSite site) : IAsyncLifetime
{
    private SiteBrowser? _browser;

    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task AModeratorSignsInByKeyboardWorksTheQueueAndEveryConsolePageIsAccessible()
    {
        using var api = new ConsoleApiFactory();
        var (email, password) = await api.AccountAsync("Maya Patel");
        var reference = await api.SubmitAsync("Knit <b>and</b> natter");
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await _browser!.NewPageAsync(api.Address, new() { ViewportSize = new() { Width = width, Height = 900 } });

            await page.GotoAsync("/moderate");
            Assert.EndsWith("/moderate/sign-in?ReturnUrl=%2Fmoderate", page.Url);
            await AssertReadableAsync(page);

            await page.FillAsync("#email", email);
            await page.FillAsync("#password", "not the password");
            await page.Locator("#password").PressAsync("Enter");
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The email address or password is not right.");
            await AssertReadableAsync(page);

            // By keyboard from the password box: the right password and Enter.
            await page.FillAsync("#password", password);
            await page.Locator("#password").PressAsync("Enter");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Waiting for a decision");
            await Assertions.Expect(page.Locator(".signed-in")).ToContainTextAsync("Signed in as Maya Patel");
            await AssertReadableAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"New listing {reference}");
            await Assertions.Expect(page.Locator("table.diff")).ToContainTextAsync("Knit <b>and</b> natter");
            await AssertReadableAsync(page);

            await page.GetByRole(AriaRole.Link, new() { Name = "Listings", Exact = true }).ClickAsync();
            await page.FillAsync("#q", "befriending");
            await page.Locator("#q").PressAsync("Enter");
            await AssertReadableAsync(page);
            await page.Locator("table a").First.ClickAsync();
            await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("History");
            await AssertReadableAsync(page);

            await page.GotoAsync("/moderate/listings?stale=true");
            await AssertReadableAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        }
    }

    /// <summary>axe-core finds nothing, nothing scrolls sideways, and the page has no scripts.</summary>
    internal static async Task AssertReadableAsync(IPage page)
    {
        Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{page.Url} scrolls sideways");
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }
}
