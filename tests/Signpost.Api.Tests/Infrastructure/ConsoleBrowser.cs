using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;

namespace Signpost.Tests.Infrastructure;

/// <summary>
/// The moderation console as a browser without scripts uses it: over https (its cookies are
/// Secure), keeping cookies, reading each form's hidden antiforgery field before posting it.
/// </summary>
public sealed partial class ConsoleBrowser(WebApplicationFactory<Program> api)
{
    public HttpClient Http { get; } = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public async Task<HttpResponseMessage> GetAsync(string path) => await Http.GetAsync(path);

    /// <summary>Fills the form on <paramref name="page"/> and posts it to <paramref name="action"/> (the page itself by default).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, Dictionary<string, string> fields, string? action = null)
    {
        var form = await (await Http.GetAsync(page)).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(form);
        Assert.True(token.Success, $"{page} has no antiforgery field");
        var data = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Http.PostAsync(action ?? page, new FormUrlEncodedContent(data));
    }

    /// <summary>A new account (a moderator unless said), made by the same service the <c>accounts create</c> command uses.</summary>
    public static async Task<(string Email, string Password)> NewAccountAsync(WebApplicationFactory<Program> api, string name, ApiKeyRole role = ApiKeyRole.Moderator)
    {
        using var scope = api.Services.CreateScope();
        var email = $"{Guid.NewGuid():N}@example.org";
        var (_, password) = await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().CreateAsync(email, name, role);
        return (email, password);
    }

    /// <summary>A browser signed in as a new person (a moderator unless said) named <paramref name="name"/>.</summary>
    public static async Task<ConsoleBrowser> SignedInAsync(WebApplicationFactory<Program> api, string name, ApiKeyRole role = ApiKeyRole.Moderator)
    {
        var (email, password) = await NewAccountAsync(api, name, role);
        var browser = new ConsoleBrowser(api);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, password)).StatusCode);
        return browser;
    }

    public async Task<string> HtmlAsync(string path) => await (await Http.GetAsync(path)).Content.ReadAsStringAsync();

    /// <summary>A hidden field's value on a page, e.g. the listing version an approval is made against.</summary>
    public static string Hidden(string html, string name) =>
        Regex.Match(html, $"""name="{name}" value="([^"]*)""").Groups[1].Value;

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/moderate/sign-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>Sets up an authenticator app on the signed-in account as a person would: reads the key, enters a right code.</summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAuthenticatorAsync()
    {
        var key = AuthenticatorKey(await HtmlAsync("/moderate/account/authenticator"));
        var done = await SubmitAsync("/moderate/account/authenticator", new() { ["code"] = Totp.Now(key) });
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("Your recovery codes", html);
        return (key, RecoveryCodes(html));
    }

    /// <summary>The shared key as the page shows it ("abcd efgh …"), without the spaces.</summary>
    public static string AuthenticatorKey(string html)
    {
        var key = Regex.Match(html, """<code class="key" id="key"[^>]*>([^<]+)</code>""");
        Assert.True(key.Success, "the page shows no authenticator key");
        return key.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        [.. Regex.Matches(html, "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|type="hidden" name="__RequestVerificationToken" value="([^"]+)"|name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex AntiforgeryField();
}
