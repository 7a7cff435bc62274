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

    /// <summary>A new moderator account, made by the same service the <c>accounts create</c> command uses.</summary>
    public static async Task<(string Email, string Password)> NewAccountAsync(WebApplicationFactory<Program> api, string name)
    {
        using var scope = api.Services.CreateScope();
        var email = $"{Guid.NewGuid():N}@example.org";
        var (_, password) = await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().CreateAsync(email, name, ApiKeyRole.Moderator);
        return (email, password);
    }

    /// <summary>A browser signed in as a new moderator named <paramref name="name"/>.</summary>
    public static async Task<ConsoleBrowser> SignedInAsync(WebApplicationFactory<Program> api, string name)
    {
        var (email, password) = await NewAccountAsync(api, name);
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

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|type="hidden" name="__RequestVerificationToken" value="([^"]+)"|name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex AntiforgeryField();
}
