using Signpost.Site.Api;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// The site built once, through the real publisher, from the in-process API over HTTP: the
/// output every read-only site test inspects.
/// </summary>
public sealed class BuiltSite : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-site-").FullName;
    private readonly SemaphoreSlim _browserStarting = new(1, 1);
    private Task<SiteBrowser?>? _browser;

    public SiteApiFactory Api { get; } = new();

    public string Output => Path.Combine(_root, "site");

    public BuildResult Result { get; private set; } = default!;

    /// <summary>The day every test build counts from, as the API's tests do: the same pages on any day.</summary>
    public static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>
    /// The options of a test build. No map: whether one is offered depends on Leaflet being
    /// installed, and the reviewed rendering must not; LookAndMapSites builds with one.
    /// </summary>
    public SiteOptions Options(string output) => new() { Output = output, BaseUrl = "https://signpost.example.org/", Today = Today, MapTileUrl = null };

    /// <summary>
    /// The options of a test build that skips indexing the pages' words (Pagefind), for tests of
    /// something else (publishing, tiles, paging), which it saves a few seconds each.
    /// </summary>
    public SiteOptions OptionsWithoutWordSearch(string output)
    {
        var options = Options(output);
        options.Pagefind = Path.Combine(_root, "no-pagefind");
        return options;
    }

    public DirectoryApiClient Client() => new(Api.CreateClient(), new Uri("http://localhost/graphql"));

    public Task<BuildResult> PublishAsync(SiteOptions options) =>
        new Publisher(new SiteBuilder(Client(), options, BuildLog.Silent), options, BuildLog.Silent).PublishAsync(CancellationToken.None);

    public async Task InitializeAsync() => Result = await PublishAsync(Options(Output));

    /// <summary>
    /// The site served and one Chromium, started by the first browser test and shared by all of
    /// them; null where Chromium is not installed (and not CI), where those tests are skipped.
    /// </summary>
    public async Task<SiteBrowser?> BrowserAsync()
    {
        await _browserStarting.WaitAsync();
        try
        {
            return await (_browser ??= SiteBrowser.StartAsync(this));
        }
        finally
        {
            _browserStarting.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null && await _browser is { } browser)
        {
            await browser.DisposeAsync();
        }

        Api.Dispose();
        SiteApiFactory.TryDelete(_root);
    }

    public IEnumerable<string> Pages() => Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "Built site";
}
