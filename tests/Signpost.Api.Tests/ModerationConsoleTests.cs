using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>People moderate in a browser: signing in, the queue, and what keeps the console safe.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class ModerationConsoleTests(ModeratedDirectoryFactory api)
{
    [Fact]
    public async Task AModeratorSignsInWithTheirPasswordAndSeesWhatIsWaitingOldestFirstWithCounts()
    {
        var (email, password) = await NewAccountAsync("Maya Patel");
        var hostile = "<script>alert('queue')</script> Knit & natter";
        var receipt = (await api.Anonymous().RunAsync("SubmitListing", new { input = Listings.KnitAndNatter(hostile) })).DataOrFail()["submitListing"]!["reference"]!.GetValue<string>();
        var browser = new ConsoleBrowser(api);

        var signedIn = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/moderate", signedIn.Headers.Location!.OriginalString);

        var queue = await browser.GetAsync("/moderate");
        var html = await queue.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("Signed in as Maya Patel", html);
        Assert.Contains(receipt, html);
        Assert.Contains("New listings", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;queue&#x27;)&lt;/script&gt; Knit &amp; natter", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task OneAddressPostingTheOpenFormsTooOftenIsAskedToWaitWhateverAccountsItTries()
    {
        using var limited = new ConfiguredDirectoryFactory { ["Console:SignInPostsPerMinute"] = "3" };
        var browser = new ConsoleBrowser(limited);

        var answers = new List<HttpStatusCode>();
        foreach (var email in new[] { "a@example.org", "b@example.org", "c@example.org", "d@example.org" })
        {
            answers.Add((await browser.SignInAsync(email, "guessing the password")).StatusCode);
        }

        var forgot = await browser.SubmitAsync("/moderate/forgot-password", new() { ["Email"] = "e@example.org" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
        Assert.Equal("Too many tries from your connection. Wait a minute, then try again.", await forgot.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/moderate/sign-in")).StatusCode); // reading the page is not limited
    }

    [Fact]
    public async Task TheSignInCookieIsHttpOnlySecureStrictAndSentOnlyToTheConsole()
    {
        var (email, password) = await NewAccountAsync("Omar Khan");
        var signedIn = await new ConsoleBrowser(api).SignInAsync(email, password);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("signpost-moderate=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/moderate", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightOneIsRefusedForAWhile()
    {
        var (email, password) = await NewAccountAsync("Lock Tester");
        var browser = new ConsoleBrowser(api);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await (await browser.SignInAsync(email, "not-the-password-" + i)).Content.ReadAsStringAsync();
            Assert.Contains(i < 4 ? "The email address or password is not right." : "this account is locked for 15 minutes", wrong);
        }

        var right = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("this account is locked for 15 minutes", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/moderate")).StatusCode);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefused()
    {
        var (email, password) = await NewAccountAsync("Forgery Tester");
        var browser = new ConsoleBrowser(api);

        var forged = await browser.Http.PostAsync("/moderate/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("signpost-moderate=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutSigningInTheQueueSendsYouToSignIn()
    {
        var queue = await new ConsoleBrowser(api).GetAsync("/moderate");

        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.StartsWith("https://localhost/moderate/sign-in", queue.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/moderate/sign-in")]
    [InlineData("/moderate")]
    public async Task ConsolePagesSendAStrictContentSecurityPolicyAndAreNeverCached(string path)
    {
        var (email, password) = await NewAccountAsync("Policy Tester " + path.Length);
        var browser = new ConsoleBrowser(api);
        await browser.SignInAsync(email, password);

        var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task OverPlainHttpTheConsoleSaysItNeedsHttpsInsteadOfFailing()
    {
        var page = await api.CreateClient().GetAsync("/moderate/sign-in");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("works only over HTTPS", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var (email, password) = await NewAccountAsync("Sign Out Tester");
        var browser = new ConsoleBrowser(api);
        await browser.SignInAsync(email, password);

        var signedOut = await browser.SubmitAsync("/moderate", [], action: "/moderate/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/moderate")).StatusCode);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndIsToldNothingMore()
    {
        var (email, password) = await NewAccountAsync("Disabled Tester");
        Assert.Equal(0, await AccountsCommand.RunAsync(api.Services, ["disable", "--email", email], TextWriter.Null, TextWriter.Null));

        var attempt = await new ConsoleBrowser(api).SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("The email address or password is not right.", await attempt.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheConsolesCookieCannotModerateThroughGraphQL()
    {
        var (email, password) = await NewAccountAsync("GraphQL Tester");
        var browser = new ConsoleBrowser(api);
        await browser.SignInAsync(email, password);

        var response = await browser.Http.PostAsync("/graphql", new StringContent("""{"query":"{ moderationQueue(first: 1) { id } }"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAccountsCommandPrintsAFirstPasswordOnceAndListsPeopleWithTheirRoles()
    {
        var output = new StringWriter();
        Assert.Equal(0, await AccountsCommand.RunAsync(api.Services, ["create", "--email", "ada.admin@example.org", "--name", "Ada Admin", "--role", "admin"], output, TextWriter.Null));
        var list = new StringWriter();
        Assert.Equal(0, await AccountsCommand.RunAsync(api.Services, ["list"], list, TextWriter.Null));
        var refused = new StringWriter();

        Assert.Equal(2, await AccountsCommand.RunAsync(api.Services, ["create", "--email", "nav@example.org", "--name", "Nav", "--role", "navigator"], TextWriter.Null, refused));
        Assert.Matches("^[A-Za-z0-9]{20}$", output.ToString().Trim().Split('\n')[^1].Trim());
        Assert.Contains("ada.admin@example.org", list.ToString());
        Assert.Contains("admin", list.ToString());
        Assert.DoesNotContain(output.ToString().Trim().Split('\n')[^1].Trim(), list.ToString());
        Assert.Contains("--role", refused.ToString());
    }

    private Task<(string Email, string Password)> NewAccountAsync(string name) => ConsoleBrowser.NewAccountAsync(api, name);
}
