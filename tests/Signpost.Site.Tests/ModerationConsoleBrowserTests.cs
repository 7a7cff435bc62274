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

    /// <summary>The API with the console on a loopback port, seeded, with its own database.</summary>
    private sealed class ConsoleApiFactory : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("signpost-console-").FullName;

        public ConsoleApiFactory()
        {
            UseKestrel(0);
            StartServer();
            Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        public Uri Address { get; }

        public async Task<(string Email, string Password)> AccountAsync(string name)
        {
            using var scope = Services.CreateScope();
            var email = $"{Guid.NewGuid():N}@example.org";
            var (_, password) = await scope.ServiceProvider.GetRequiredService<ModeratorAccounts>().CreateAsync(email, name, ApiKeyRole.Moderator);
            return (email, password);
        }

        public async Task<string> SubmitAsync(string name)
        {
            using var http = new HttpClient { BaseAddress = Address };
            var response = await http.PostAsJsonAsync("/graphql", new
            {
                query = "mutation($input: SubmitListingInput!) { submitListing(input: $input) { reference } }",
                variables = new
                {
                    input = new
                    {
                        organization = new { name = "Sidford Community Hall Trust" },
                        name,
                        description = "A friendly weekly knitting and chat group.",
                        categories = new[] { "befriending" },
                        isFree = true,
                        locations = new[] { new { address1 = "Byes Lane", city = "Sidford", postcode = "EX10 9QX" } },
                    },
                },
            });
            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return json["data"]?["submitListing"]?["reference"]?.GetValue<string>() ?? throw new InvalidOperationException(json.ToJsonString());
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "signpost.db")}");
            builder.UseSetting("Console:RequireHttps", "false"); // a loopback port without a certificate
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            SiteApiFactory.TryDelete(_folder);
        }
    }
}
