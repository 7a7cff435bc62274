namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// Two more builds of the shared API's directory, each served on loopback, and one browser:
/// <see cref="Configured"/> has the helpline set and draws maps from a local <see cref="Tiles"/>
/// server that counts requests; <see cref="Bare"/> has no helpline and no map library (as when
/// npm packages are not installed). Started by the first test that needs them; the collection's
/// one browser visits them.
/// </summary>
public sealed class LookAndMapSites : IAsyncLifetime
{
    public const string HelplineName = "the Signpost helpline";
    public const string HelplinePhone = "0306 999 0123";
    public const string HelplineHours = "Monday to Friday, 9am to 5pm";

    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-look-").FullName;
    private readonly List<IAsyncDisposable> _servers = [];
    private bool _started;

    public TileServer Tiles { get; private set; } = default!;
    public StaticSiteServer Configured { get; private set; } = default!;
    public StaticSiteServer Bare { get; private set; } = default!;
    public string ConfiguredOutput => Path.Combine(_root, "configured");
    public string BareOutput => Path.Combine(_root, "bare");

    public async Task StartAsync(BuiltSite site)
    {
        await _starting.WaitAsync();
        try
        {
            if (_started)
            {
                return;
            }

            Tiles = await TileServer.StartAsync();
            _servers.Add(Tiles);
            var configured = site.Options(ConfiguredOutput);
            (configured.HelplineName, configured.HelplinePhone, configured.HelplineHours, configured.MapTileUrl) = (HelplineName, HelplinePhone, HelplineHours, Tiles.Template);
            await site.PublishAsync(configured);
            // As a build where npm packages are not installed: a tile server is set, but no Leaflet.
            var bare = site.Options(BareOutput);
            (bare.MapTileUrl, bare.Leaflet, bare.Pagefind) = (new SiteOptions().MapTileUrl, Path.Combine(_root, "no-leaflet"), Path.Combine(_root, "no-pagefind"));
            await site.PublishAsync(bare);

            Configured = await StaticSiteServer.StartAsync(ConfiguredOutput, site.Api.CreateClient());
            _servers.Add(Configured);
            Bare = await StaticSiteServer.StartAsync(BareOutput, site.Api.CreateClient());
            _servers.Add(Bare);
            _started = true;
        }
        finally
        {
            _starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        SiteApiFactory.TryDelete(_root);
    }
}
