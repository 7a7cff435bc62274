using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// One Chromium and the built site served on a loopback port, shared by every browser test in the
/// collection (<see cref="BuiltSite.BrowserAsync"/>): launching a browser is slow, a context is
/// not. Each page gets a fresh browser context: its own storage, as a separate visitor has. A test
/// closes the contexts it opened when it ends (<see cref="CloseContextsAsync"/>).
/// </summary>
public sealed class SiteBrowser : IAsyncDisposable
{
    // axe-core as the Deque package bundles it, run in the page itself: the package's own runner
    // opens a second page for every check, which took most of each check's time.
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.map(v => `${v.id} (${v.impact}) ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    private readonly List<IBrowserContext> _contexts = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StaticSiteServer? _server;

    public Uri Address => _server!.Address;

    /// <summary>Null where Chromium is not installed (and not CI): every browser test is then skipped, saying why.</summary>
    internal static async Task<SiteBrowser?> StartAsync(BuiltSite site)
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

    /// <summary>A page of the built site in a new context (fresh storage), in UK time.</summary>
    public Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null) => NewPageAsync(Address, options);

    /// <summary>A page in a new context (fresh storage), in UK time, of the site served at <paramref name="site"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri site, BrowserNewContextOptions? options = null)
    {
        options ??= new();
        options.BaseURL = site.ToString();
        options.TimezoneId = "Europe/London";
        var context = await _browser!.NewContextAsync(options);
        lock (_contexts) _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Closes every context opened so far: each test's visitors leave when it ends.</summary>
    public async Task CloseContextsAsync()
    {
        List<IBrowserContext> open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>axe-core's WCAG 2.2 A and AA violations on the page as it is now, each with where it is.</summary>
    public static async Task<List<string>> AxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync("source => (0, eval)(source)", AxeSource.Value);
        }

        var violations = await page.EvaluateAsync<string[]>(RunAxe);
        return violations.Select(v => $"{page.Url}: {v}").ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseContextsAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
