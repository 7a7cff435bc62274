using Signpost.Site.Api;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// The site built once, through the real publisher, from the in-process API over HTTP: the
/// output every read-only site test inspects.
/// </summary>
public sealed class BuiltSite : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-site-").FullName;

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

    public DirectoryApiClient Client() => new(Api.CreateClient(), new Uri("http://localhost/graphql"));

    public Task<BuildResult> PublishAsync(SiteOptions options) =>
        new Publisher(new SiteBuilder(Client(), options, BuildLog.Silent), options, BuildLog.Silent).PublishAsync(CancellationToken.None);

    public async Task InitializeAsync() => Result = await PublishAsync(Options(Output));

    public Task DisposeAsync()
    {
        Api.Dispose();
        SiteApiFactory.TryDelete(_root);
        return Task.CompletedTask;
    }

    public IEnumerable<string> Pages() => Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));
}

[CollectionDefinition(Name)]
public sealed class BuiltSiteCollection : ICollectionFixture<BuiltSite>
{
    public const string Name = "Built site";
}
