using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using MimeKit;
using Signpost.Data;
using Signpost.Reminders;
using Signpost.Site.Tests.Infrastructure;

namespace Signpost.Site.Tests;

/// <summary>
/// The pages a provider's review reminder links open, in Chromium: readable, accessible, usable by
/// keyboard at 320 px, and the confirmation needs the button, not just the visit.
/// </summary>
public sealed class ReviewReminderBrowserTests
{
    [BrowserFact]
    public async Task TheStillCorrectPagesAreAccessibleWorkByKeyboardAt320PixelsAndOnlyTheButtonVerifies()
    {
        await using var setup = await ReminderSetup.StartAsync();
        await using var playwright = new PlaywrightSession();
        var page = await playwright.PageAsync(setup.Address, width: 320);

        await page.GotoAsync(setup.StillCorrectLink);
        Assert.Equal("Is the listing still correct?", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Tea & <b>Talk</b>", await page.Locator("main").InnerTextAsync()); // shown as text
        await AssertReadableAsync(page);
        Assert.Null(await setup.LastVerifiedAsync()); // the visit alone changes nothing

        await page.Keyboard.PressAsync("Tab"); // the site's name
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Yes, it is still correct", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:text('Thank you')");
        await AssertReadableAsync(page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(await setup.LastVerifiedAsync() ?? default, today.AddDays(-1), today.AddDays(1)); // today in the UK

        await page.GotoAsync(setup.StillCorrectLink);
        Assert.Equal("This link has already been used", await page.Locator("h1").InnerTextAsync());
        await AssertReadableAsync(page);

        await page.GotoAsync(setup.StillCorrectLink[..^4] + "AAAA");
        Assert.Equal("This link does not work", await page.Locator("h1").InnerTextAsync());
        await AssertReadableAsync(page);
    }

    private static async Task AssertReadableAsync(IPage page)
    {
        Assert.Empty(await SiteBrowser.AxeViolationsAsync(page));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{page.Url} scrolls sideways");
    }

    /// <summary>The API with one stale listing whose reminder has been sent (as an .eml file), served on a loopback port.</summary>
    private sealed class ReminderSetup : IAsyncDisposable
    {
        private readonly ReminderApiFactory _api = new();
        private WebApplication? _proxy;

        public Uri Address { get; private set; } = null!;

        public string StillCorrectLink { get; private set; } = "";

        public Guid ServiceId { get; private set; }

        public static async Task<ReminderSetup> StartAsync()
        {
            var setup = new ReminderSetup();
            await using (var scope = setup._api.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                await db.Services.ExecuteUpdateAsync(s => s.SetProperty(x => x.AssuredDate, today));
                setup.ServiceId = await db.Services.OrderBy(s => s.RowId).Select(s => s.Id).FirstAsync();
                await db.Services.Where(s => s.Id == setup.ServiceId).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.AssuredDate, (DateOnly?)null)
                    .SetProperty(x => x.Email, "hello@tea-and-talk.example.org")
                    .SetProperty(x => x.Name, "Tea & <b>Talk</b>"));
                await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunAsync(dryRun: false, CancellationToken.None);
            }

            var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(setup._api.MailFolder, "*.eml")));
            setup.StillCorrectLink = Regex.Match(message.TextBody ?? "", @"http://localhost(/reminders/\S+/still-correct\?token=[A-Za-z0-9_-]+)").Groups[1].Value;
            Assert.NotEmpty(setup.StillCorrectLink);
            await setup.StartProxyAsync();
            return setup;
        }

        public async Task<DateOnly?> LastVerifiedAsync()
        {
            await using var scope = _api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Services.Where(s => s.Id == ServiceId).Select(s => s.AssuredDate).SingleAsync();
        }

        /// <summary>Passes /reminders/ on to the in-process API, as the API's own address would serve it.</summary>
        private async Task StartProxyAsync()
        {
            var api = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _proxy = builder.Build();
            _proxy.Map("/reminders/{**rest}", async (HttpContext context) =>
            {
                using var forwarded = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
                if (HttpMethods.IsPost(context.Request.Method))
                {
                    forwarded.Content = new StreamContent(context.Request.Body);
                    forwarded.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(context.Request.ContentType ?? "application/x-www-form-urlencoded");
                }

                using var answer = await api.SendAsync(forwarded);
                context.Response.StatusCode = (int)answer.StatusCode;
                foreach (var header in answer.Headers.Concat(answer.Content.Headers).Where(h => h.Key is not ("Content-Length" or "Transfer-Encoding")))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }

                await answer.Content.CopyToAsync(context.Response.Body);
            });
            await _proxy.StartAsync();
            Address = new Uri(_proxy.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }

        public async ValueTask DisposeAsync()
        {
            if (_proxy is not null) await _proxy.DisposeAsync();
            _api.Dispose();
        }
    }

    /// <summary>The real API, seeded, with email written to a folder of its own.</summary>
    private sealed class ReminderApiFactory : WebApplicationFactory<Program>
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("signpost-reminders-").FullName;

        public string MailFolder => Path.Combine(_folder, "mail");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_folder, "signpost.db")}");
            builder.UseSetting("Email:PickupFolder", MailFolder);
            builder.UseSetting("Reminders:ApiBaseUrl", "http://localhost");
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            SiteApiFactory.TryDelete(_folder);
        }
    }

    /// <summary>One headless Chromium for the test.</summary>
    private sealed class PlaywrightSession : IAsyncDisposable
    {
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public async Task<IPage> PageAsync(Uri address, int width)
        {
            _playwright ??= await Playwright.CreateAsync();
            _browser ??= await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = BrowserFactAttribute.Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var context = await _browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = width, Height = 800 } });
            return await context.NewPageAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null) await _browser.DisposeAsync();
            _playwright?.Dispose();
        }
    }
}
