using Microsoft.Playwright;
using Signpost.Moderation;
using Signpost.Site.Tests.Infrastructure;
using Signpost.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// The console's accounts in Chromium: a lockout after wrong passwords, the second step with an
/// authenticator app, and admins looking after people, by keyboard, on a phone and at a desk; axe
/// finds nothing on any of these pages and nothing scrolls sideways.
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public sealed class ConsoleAccountsBrowserTests(BuiltSite site) : IAsyncLifetime
{
    private SiteBrowser? _browser;

    public async Task InitializeAsync() => _browser = await site.BrowserAsync();

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseContextsAsync();
    }

    [BrowserFact]
    public async Task FiveWrongPasswordsLockTheAccountThePageSaysForHowLongAndTheRightPasswordIsRefusedMeanwhile()
    {
        using var api = new ConsoleApiFactory();
        var (email, password) = await api.AccountAsync("Lock Tester");
        var page = await _browser!.NewPageAsync(api.Address, new() { ViewportSize = new() { Width = 375, Height = 900 } });
        await page.GotoAsync("/moderate/sign-in");

        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(page, email, "not the password " + i);
        }

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("this account is locked for 15 minutes");
        await SignInAsync(page, email, password);
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("this account is locked for 15 minutes");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await ModerationConsoleBrowserTests.AssertReadableAsync(page);
        await page.ScreenshotAsync(new() { Path = "/tmp/console-locked-375.png", FullPage = true });
    }

    [BrowserFact]
    public async Task APersonSetsUpTheSecondStepByKeyboardAndThenSignsInWithACode()
    {
        using var api = new ConsoleApiFactory();
        var (email, password) = await api.AccountAsync("Two Step");
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await _browser!.NewPageAsync(api.Address, new() { ViewportSize = new() { Width = width, Height = 900 } });
            await page.GotoAsync("/moderate/sign-in");
            await SignInAsync(page, email, password);
            if (width == 1280)
            {
                // Turned on at 375 px: now the password is not enough.
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter your code");
                await ModerationConsoleBrowserTests.AssertReadableAsync(page);
                await page.FillAsync("#code", "000000" == Totp.Now(Key!) ? "111111" : "000000");
                await page.Locator("#code").PressAsync("Enter");
                await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("That code is not right.");
                await ModerationConsoleBrowserTests.AssertReadableAsync(page);
                await page.SetViewportSizeAsync(375, 900);
                await ModerationConsoleBrowserTests.AssertReadableAsync(page);
                await page.SetViewportSizeAsync(1280, 900);
                await page.FillAsync("#code", Totp.Now(Key!));
                await page.Locator("#code").PressAsync("Enter");
            }

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Waiting for a decision");
            await ActivateByKeyboardAsync(page.GetByRole(AriaRole.Link, new() { Name = "Your account" }));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your account");
            await ModerationConsoleBrowserTests.AssertReadableAsync(page);
            if (width == 1280)
            {
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("On.");
                break;
            }

            await ActivateByKeyboardAsync(page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up an authenticator app");
            // The QR code is an image from the console itself, so its policy lets it show (once the page has loaded).
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.True(await page.Locator("img.qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
            await ModerationConsoleBrowserTests.AssertReadableAsync(page);
            Key = (await page.Locator("#key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);

            await page.Locator("#code").FocusAsync();
            await page.Keyboard.TypeAsync(Totp.Now(Key));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your recovery codes");
            await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
            await ModerationConsoleBrowserTests.AssertReadableAsync(page);
        }
    }

    [BrowserFact]
    public async Task AnAdminAddsDisablesAndEnablesPeopleByKeyboardAndAModeratorIsToldOnlyAdminsMay()
    {
        using var api = new ConsoleApiFactory();
        var (adminEmail, adminPassword) = await api.AccountAsync("Ada Admin", ApiKeyRole.Admin);
        var (moderatorEmail, moderatorPassword) = await api.AccountAsync("Maya Moderator");
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await _browser!.NewPageAsync(api.Address, new() { ViewportSize = new() { Width = width, Height = 900 } });
            await page.GotoAsync("/moderate/sign-in");
            await SignInAsync(page, adminEmail, adminPassword);
            await ActivateByKeyboardAsync(page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accounts");
            await Assertions.Expect(page.Locator("table.accounts")).ToContainTextAsync("This is you");
            await ModerationConsoleBrowserTests.AssertReadableAsync(page);

            await ActivateByKeyboardAsync(page.GetByRole(AriaRole.Link, new() { Name = "Add a person" }));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Add a person");
            await page.FillAsync("#name", "Ada Again");
            await page.FillAsync("#email", adminEmail);
            await page.Locator("#email").PressAsync("Enter");
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("There is already an account for this email address.");
            await ModerationConsoleBrowserTests.AssertReadableAsync(page);

            var name = $"Sam New {width}";
            await page.FillAsync("#name", name);
            await page.FillAsync("#email", $"sam.{width}@example.org");
            await page.Locator("#role-moderator").FocusAsync();
            await page.Keyboard.PressAsync("ArrowDown"); // radios move by arrow keys: now Admin
            Assert.True(await page.Locator("#role-admin").IsCheckedAsync());
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Account created");
            await Assertions.Expect(page.Locator("#password")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z0-9]{20}$"));
            await ModerationConsoleBrowserTests.AssertReadableAsync(page);

            await ActivateByKeyboardAsync(page.GetByRole(AriaRole.Link, new() { Name = "Back to accounts" }));
            await ActivateByKeyboardAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Disable {name}" }));
            await Assertions.Expect(page.Locator(".done")).ToContainTextAsync($"{name} (sam.{width}@example.org) is disabled.");
            await Assertions.Expect(page.Locator("table.accounts")).ToContainTextAsync("Disabled since");
            await ModerationConsoleBrowserTests.AssertReadableAsync(page);
            await ActivateByKeyboardAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Enable {name}" }));
            await Assertions.Expect(page.Locator(".done")).ToContainTextAsync("is enabled.");

            var moderator = await _browser!.NewPageAsync(api.Address, new() { ViewportSize = new() { Width = width, Height = 900 } });
            await moderator.GotoAsync("/moderate/sign-in");
            await SignInAsync(moderator, moderatorEmail, moderatorPassword);
            await Assertions.Expect(moderator.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true })).ToHaveCountAsync(0);
            var refused = await moderator.GotoAsync("/moderate/accounts");
            Assert.Equal(403, refused!.Status);
            await Assertions.Expect(moderator.Locator("h1")).ToHaveTextAsync("Only admins can open that page");
            await ModerationConsoleBrowserTests.AssertReadableAsync(moderator);
        }
    }

    /// <summary>The authenticator key read from the page at 375 px, for the sign-in at 1280 px.</summary>
    private string? Key { get; set; }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await NavigatesAsync(page, () => page.Locator("#password").PressAsync("Enter"));
    }

    /// <summary>Focus, check the focus shows, and press Enter: what a keyboard user does.</summary>
    private static async Task ActivateByKeyboardAsync(ILocator target)
    {
        await target.FocusAsync();
        Assert.NotEqual("none", await target.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await NavigatesAsync(target.Page, () => target.PressAsync("Enter"));
    }

    /// <summary>Does <paramref name="action"/> and waits until the page it leads to (after any redirect) is there.</summary>
    private static async Task NavigatesAsync(IPage page, Func<Task> action)
    {
#pragma warning disable CS0612 // the navigation wait is what a form post followed by a redirect needs
        await page.RunAndWaitForNavigationAsync(action, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
#pragma warning restore CS0612
    }
}
