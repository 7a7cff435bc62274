using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Tests.Infrastructure;
using ConsoleServiceCollection = Signpost.Moderation.Console.ConsoleServiceCollectionExtensions;

namespace Signpost.Tests;

/// <summary>The console's own accounts: a second step with an authenticator app, your own password, and admins looking after people.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class ConsoleAccountsTests(ModeratedDirectoryFactory api)
{
    [Fact]
    public async Task TurningOnTheAuthenticatorNeedsARightCodeAndThenSigningInAsksForOne()
    {
        var (email, password) = await ConsoleBrowser.NewAccountAsync(api, "Two Step");
        var browser = new ConsoleBrowser(api);
        await browser.SignInAsync(email, password);
        var setup = await browser.HtmlAsync("/moderate/account/authenticator");
        var key = ConsoleBrowser.AuthenticatorKey(setup);
        var qr = await browser.GetAsync("/moderate/account/authenticator?handler=QrCode");

        var wrong = await browser.SubmitAsync("/moderate/account/authenticator", new() { ["code"] = WrongCode(key) });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        Assert.False((await AccountAsync(email)).TwoFactorEnabled);

        var right = await (await browser.SubmitAsync("/moderate/account/authenticator", new() { ["code"] = Totp.Now(key) })).Content.ReadAsStringAsync();
        Assert.True((await AccountAsync(email)).TwoFactorEnabled);
        Assert.Equal(10, ConsoleBrowser.RecoveryCodes(right).Distinct().Count());
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", Regex.Match(setup, """id="key"[^>]*>([^<]+)<""").Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/moderate")).StatusCode);

        var later = new ConsoleBrowser(api);
        var afterPassword = await later.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        Assert.StartsWith("/moderate/sign-in/code", afterPassword.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await later.GetAsync("/moderate")).StatusCode);

        var afterCode = await later.SubmitAsync("/moderate/sign-in/code", new() { ["Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.Redirect, afterCode.StatusCode);
        Assert.Equal("/moderate", afterCode.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/moderate")).StatusCode);
    }

    [Fact]
    public void TheQrCodeHoldsTheStandardLinkForAuthenticatorApps()
    {
        var link = Signpost.Moderation.Console.Pages.AuthenticatorModel.OtpAuthUri("maya@example.org", "ABCDEFGH");

        Assert.Equal("otpauth://totp/Signpost:maya@example.org?secret=ABCDEFGH&issuer=Signpost&digits=6", link);
    }

    [Fact]
    public async Task AWrongCodeIsRefusedAndWrongCodesLockTheAccountLikeWrongPasswords()
    {
        var (email, password, key, _, _) = await WithAuthenticatorAsync("Wrong Code");
        var browser = new ConsoleBrowser(api);
        await browser.SignInAsync(email, password);

        for (var i = 0; i < ConsoleServiceCollection.MaxFailedSignIns; i++)
        {
            var wrong = await (await browser.SubmitAsync("/moderate/sign-in/code", new() { ["Code"] = WrongCode(key) })).Content.ReadAsStringAsync();
            Assert.Contains(i < ConsoleServiceCollection.MaxFailedSignIns - 1 ? "That code is not right." : "this account is locked for 15 minutes", wrong);
        }

        var right = await browser.SubmitAsync("/moderate/sign-in/code", new() { ["Code"] = Totp.Now(key) });
        Assert.Contains("this account is locked for 15 minutes", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/moderate")).StatusCode);
        Assert.True(await LockedOutAsync(email));
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceAndNeverAgain()
    {
        var (email, password, _, codes, _) = await WithAuthenticatorAsync("Lost Phone");

        var first = new ConsoleBrowser(api);
        await first.SignInAsync(email, password);
        var used = await first.SubmitAsync("/moderate/sign-in/code", new() { ["Code"] = codes[3] });
        var again = new ConsoleBrowser(api);
        await again.SignInAsync(email, password);
        var reused = await again.SubmitAsync("/moderate/sign-in/code", new() { ["Code"] = codes[3] });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/moderate")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("That code is not right.", await reused.Content.ReadAsStringAsync());
        Assert.Equal(1, (await AccountAsync(email)).AccessFailedCount);
    }

    [Fact]
    public async Task TheSecondStepsCookiesAreHttpOnlySecureStrictAndSentOnlyToTheConsole()
    {
        var (email, password, _, _, _) = await WithAuthenticatorAsync("Cookie Checker");

        var afterPassword = await new ConsoleBrowser(api).SignInAsync(email, password);

        var cookies = afterPassword.Headers.GetValues("Set-Cookie").ToList();
        var between = Assert.Single(cookies, c => c.StartsWith("signpost-moderate-2fa=", StringComparison.Ordinal));
        Assert.Contains("httponly", between, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", between, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", between, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/moderate", between, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(cookies, c => c.StartsWith("signpost-moderate=", StringComparison.Ordinal));
        // "Remember this device" is never offered, so its cookie is never sent; were it, it would carry the same flags.
        var device = api.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.TwoFactorRememberMeScheme).Cookie;
        Assert.Equal(("/moderate", true, CookieSecurePolicy.Always, SameSiteMode.Strict), (device.Path, device.HttpOnly, device.SecurePolicy, device.SameSite));
    }

    [Fact]
    public async Task TurningTheSecondStepOffAsksForThePassword()
    {
        var (email, password, key, _, browser) = await WithAuthenticatorAsync("Turn Off");

        var refused = await browser.SubmitAsync("/moderate/account", new() { ["password"] = "not the password" }, action: "/moderate/account?handler=TurnOff");
        Assert.Contains("Your password is not right.", await refused.Content.ReadAsStringAsync());
        Assert.True((await AccountAsync(email)).TwoFactorEnabled);

        var off = await browser.SubmitAsync("/moderate/account", new() { ["password"] = password }, action: "/moderate/account?handler=TurnOff");
        Assert.Equal("/moderate/account?done=off", off.Headers.Location!.OriginalString);
        Assert.False((await AccountAsync(email)).TwoFactorEnabled);
        Assert.Equal("/moderate", (await new ConsoleBrowser(api).SignInAsync(email, password)).Headers.Location!.OriginalString);
        // Set up again, it is a new key: an old phone's app no longer works.
        Assert.NotEqual(key, ConsoleBrowser.AuthenticatorKey(await browser.HtmlAsync("/moderate/account/authenticator")));
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneAndFollowsThePasswordRules()
    {
        var (email, password) = await ConsoleBrowser.NewAccountAsync(api, "New Password");
        var browser = new ConsoleBrowser(api);
        await browser.SignInAsync(email, password);

        var wrongCurrent = await (await ChangePasswordAsync(browser, "not the password", "A good new passw0rd")).Content.ReadAsStringAsync();
        var tooShort = await (await ChangePasswordAsync(browser, password, "Sh0rt")).Content.ReadAsStringAsync();
        var changed = await ChangePasswordAsync(browser, password, "A good new passw0rd");

        Assert.Contains("Your current password is not right.", wrongCurrent);
        Assert.Contains("""<a href="#current-password">""", wrongCurrent);
        Assert.Contains("at least 12 characters", tooShort);
        Assert.Contains("""<a href="#new-password">""", tooShort);
        Assert.Equal("/moderate/account?done=password", changed.Headers.Location!.OriginalString);
        Assert.Contains("Your password is changed.", await browser.HtmlAsync("/moderate/account?done=password"));
        Assert.Equal("/moderate", (await new ConsoleBrowser(api).SignInAsync(email, "A good new passw0rd")).Headers.Location!.OriginalString);
        Assert.Contains("The email address or password is not right.", await (await new ConsoleBrowser(api).SignInAsync(email, password)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AModeratorCanNeitherOpenNorPostToTheAccountsPages()
    {
        var (victim, _) = await ConsoleBrowser.NewAccountAsync(api, "Not Disabled");
        var moderator = await ConsoleBrowser.SignedInAsync(api, "Just A Moderator");

        var open = await moderator.GetAsync("/moderate/accounts");
        var post = await moderator.SubmitAsync("/moderate/account", new() { ["email"] = victim }, action: "/moderate/accounts?handler=Disable");
        var create = await moderator.SubmitAsync("/moderate/account", new() { ["Name"] = "Sneaky", ["Email"] = "sneaky@example.org", ["Role"] = "Admin" }, action: "/moderate/accounts/new");
        var told = await moderator.GetAsync(open.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.StartsWith("https://localhost/moderate/denied", open.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, told.StatusCode);
        Assert.Contains("Only admins can open that page", await told.Content.ReadAsStringAsync());
        Assert.StartsWith("https://localhost/moderate/denied", post.Headers.Location!.ToString());
        Assert.StartsWith("https://localhost/moderate/denied", create.Headers.Location!.ToString());
        Assert.Null((await AccountAsync(victim)).DisabledAt);
        Assert.Null(await FindAsync("sneaky@example.org"));
        Assert.DoesNotContain("""href="/moderate/accounts""", await moderator.HtmlAsync("/moderate"));
        Assert.Contains("""href="/moderate/account">Your account""", await moderator.HtmlAsync("/moderate"));
    }

    [Fact]
    public async Task AnAdminCreatesAnAccountThatCanThenSignIn()
    {
        var (adminEmail, adminPassword) = await ConsoleBrowser.NewAccountAsync(api, "Ada Admin", ApiKeyRole.Admin);
        var admin = new ConsoleBrowser(api);
        await admin.SignInAsync(adminEmail, adminPassword);
        var email = $"{Guid.NewGuid():N}@example.org";

        var created = await (await admin.SubmitAsync("/moderate/accounts/new", new() { ["Name"] = "Sam <b>New</b>", ["Email"] = email, ["Role"] = "Moderator" })).Content.ReadAsStringAsync();
        var password = Regex.Match(created, """<code id="password">([^<]+)</code>""").Groups[1].Value;
        var twice = await (await admin.SubmitAsync("/moderate/accounts/new", new() { ["Name"] = "Sam Again", ["Email"] = email, ["Role"] = "Admin" })).Content.ReadAsStringAsync();
        var list = await admin.HtmlAsync("/moderate/accounts");

        Assert.Matches("^[A-Za-z0-9]{20}$", password);
        Assert.Contains("Sam &lt;b&gt;New&lt;/b&gt;", created);
        Assert.Contains("There is already an account for this email address.", twice);
        Assert.Contains(email, list);
        Assert.DoesNotContain(password, list);
        Assert.Contains("""href="/moderate/accounts">Accounts""", list);
        Assert.Equal("/moderate", (await new ConsoleBrowser(api).SignInAsync(email, password)).Headers.Location!.OriginalString);
        Assert.Equal(ApiKeyRole.Moderator, (await AccountAsync(email)).Role);
        Assert.Contains(api.Logs.Entries, e => e.Level == LogLevel.Information && e.Message == $"{adminEmail} created the console account {email}");
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndEnabledAgainItCan()
    {
        var admin = await ConsoleBrowser.SignedInAsync(api, "Enabling Admin", ApiKeyRole.Admin);
        var (email, password) = await ConsoleBrowser.NewAccountAsync(api, "On And Off");

        var disabled = await admin.SubmitAsync("/moderate/accounts", new() { ["email"] = email }, action: "/moderate/accounts?handler=Disable");
        Assert.Contains("is disabled.", await admin.HtmlAsync(disabled.Headers.Location!.OriginalString));
        Assert.Contains("The email address or password is not right.", await (await new ConsoleBrowser(api).SignInAsync(email, password)).Content.ReadAsStringAsync());

        var enabled = await admin.SubmitAsync("/moderate/accounts", new() { ["email"] = email }, action: "/moderate/accounts?handler=Enable");
        Assert.Contains("is enabled.", await admin.HtmlAsync(enabled.Headers.Location!.OriginalString));
        Assert.Equal("/moderate", (await new ConsoleBrowser(api).SignInAsync(email, password)).Headers.Location!.OriginalString);
        Assert.Contains(api.Logs.Entries, e => e.Message.EndsWith($"disabled the console account {email}", StringComparison.Ordinal));
        Assert.Contains(api.Logs.Entries, e => e.Message.EndsWith($"enabled the console account {email}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAccountsCommandEnablesADisabledAccount()
    {
        var (email, password) = await ConsoleBrowser.NewAccountAsync(api, "Command Enabled");
        Assert.Equal(0, await AccountsCommand.RunAsync(api.Services, ["disable", "--email", email], TextWriter.Null, TextWriter.Null));
        var output = new StringWriter();

        Assert.Equal(0, await AccountsCommand.RunAsync(api.Services, ["enable", email], output, TextWriter.Null));
        Assert.Equal(2, await AccountsCommand.RunAsync(api.Services, ["enable", "--email", "nobody@example.org"], TextWriter.Null, TextWriter.Null));
        Assert.Contains("Enabled the account", output.ToString());
        Assert.Equal("/moderate", (await new ConsoleBrowser(api).SignInAsync(email, password)).Headers.Location!.OriginalString);
        Assert.Contains(api.Logs.Entries, e => e.Message == $"{ModeratorAccounts.CommandActor} enabled the console account {email}");
    }

    [Fact]
    public async Task UnlockingEndsALockout()
    {
        var admin = await ConsoleBrowser.SignedInAsync(api, "Unlocking Admin", ApiKeyRole.Admin);
        var (email, password) = await ConsoleBrowser.NewAccountAsync(api, "Locked Person");
        for (var i = 0; i < ConsoleServiceCollection.MaxFailedSignIns; i++)
        {
            await new ConsoleBrowser(api).SignInAsync(email, "not-the-password-" + i);
        }

        var list = await admin.HtmlAsync("/moderate/accounts");
        var unlocked = await admin.SubmitAsync("/moderate/accounts", new() { ["email"] = email }, action: "/moderate/accounts?handler=Unlock");

        Assert.Matches(@"Locked Person</td>\s*<td[^>]*>" + Regex.Escape(email) + @"</td>(?s:.)*?Locked until", list);
        Assert.Contains("is unlocked.", await admin.HtmlAsync(unlocked.Headers.Location!.OriginalString));
        Assert.False(await LockedOutAsync(email));
        Assert.Equal("/moderate", (await new ConsoleBrowser(api).SignInAsync(email, password)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnAdminCannotDisableThemself()
    {
        var (email, password) = await ConsoleBrowser.NewAccountAsync(api, "Careful Admin", ApiKeyRole.Admin);
        var admin = new ConsoleBrowser(api);
        await admin.SignInAsync(email, password);

        var attempt = await admin.SubmitAsync("/moderate/accounts", new() { ["email"] = email }, action: "/moderate/accounts?handler=Disable");

        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("You cannot disable your own account; ask another admin.", await attempt.Content.ReadAsStringAsync());
        Assert.Null((await AccountAsync(email)).DisabledAt);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/moderate/accounts")).StatusCode);
    }

    /// <summary>A new account with the second step on, and the browser (still signed in) that turned it on.</summary>
    private async Task<(string Email, string Password, string Key, IReadOnlyList<string> RecoveryCodes, ConsoleBrowser Browser)> WithAuthenticatorAsync(string name)
    {
        var (email, password) = await ConsoleBrowser.NewAccountAsync(api, name);
        var browser = new ConsoleBrowser(api);
        await browser.SignInAsync(email, password);
        var (key, codes) = await browser.TurnOnAuthenticatorAsync();
        return (email, password, key, codes, browser);
    }

    private static Task<HttpResponseMessage> ChangePasswordAsync(ConsoleBrowser browser, string current, string next) =>
        browser.SubmitAsync("/moderate/account", new() { ["currentPassword"] = current, ["newPassword"] = next }, action: "/moderate/account?handler=ChangePassword");

    /// <summary>A code that is not the one the app shows now.</summary>
    private static string WrongCode(string key) =>
        ((int.Parse(Totp.Now(key), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<ModeratorAccount> AccountAsync(string email) => await FindAsync(email) ?? throw new InvalidOperationException(email);

    private async Task<ModeratorAccount?> FindAsync(string email)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ModeratorAccount>>().FindByEmailAsync(email);
    }

    private async Task<bool> LockedOutAsync(string email)
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ModeratorAccount>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }
}
