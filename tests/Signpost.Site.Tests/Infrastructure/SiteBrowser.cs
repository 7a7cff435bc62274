using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// The built site served on a loopback port and one Chromium to visit it, for a test class's
/// lifetime. Each page gets a fresh browser context: its own storage, as a separate visitor has.
/// </summary>
public sealed class SiteBrowser : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticSiteServer? _server;

    public Uri Address => _server!.Address;

    /// <summary>Null where Chromium is not installed (and not CI): every browser test is then skipped, saying why.</summary>
    public static async Task<SiteBrowser?> StartAsync(BuiltSite site)
    {
        if (!File.Exists(BrowserFactAttribute.Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            return null;
        }

        var browser = new SiteBrowser { _server = await StaticSiteServer.StartAsync(site.Output, site.Api.CreateClient()) };
        browser._playwright = await Playwright.CreateAsync();
        browser._browser = await browser._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return browser;
    }

    /// <summary>A page in a new context (fresh storage), in UK time.</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.BaseURL = Address.ToString();
        options.TimezoneId = "Europe/London";
        var context = await _browser!.NewContextAsync(options);
        return await context.NewPageAsync();
    }

    public static async Task<List<string>> AxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        return result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
