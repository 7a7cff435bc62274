using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// Three origins, as when another website embeds the finder: <see cref="Host"/>, a tiny server of
/// the embedding site's pages (one HTML file each, as a test writes them); <see cref="Site"/>, the
/// directory's site built for its own loopback address (so its snippet and the finder's defaults
/// name real addresses); and <see cref="Api"/>, the API on its own port, which the embedding site's
/// pages may call. Started by the first test that needs them.
/// </summary>
public sealed class EmbeddingSites : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly string _root = Directory.CreateTempSubdirectory("signpost-embed-").FullName;
    private readonly ConcurrentDictionary<string, string> _pages = new(StringComparer.Ordinal);
    private WebApplication? _host;
    private StaticSiteServer? _site;

    public Uri Host { get; private set; } = default!;
    public Uri Site => _site!.Address;
    public SiteApiFactory Api { get; private set; } = default!;
    public Uri Graphql => new(Api.Address!, "/graphql");

    public async Task StartAsync(BuiltSite built)
    {
        await _starting.WaitAsync();
        try
        {
            if (_host is not null)
            {
                return;
            }

            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _host = builder.Build();
            _host.MapGet("/{name}.html", (string name) => _pages.TryGetValue(name, out var html) ? Results.Content(html, "text/html; charset=utf-8") : Results.NotFound());
            await _host.StartAsync();
            Host = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

            var output = Path.Combine(_root, "site");
            _site = await StaticSiteServer.StartAsync(output, built.Api.CreateClient());
            // The embedding site's pages call the API, and so does the finder's preview on the directory's own site.
            Api = SiteApiFactory.OnLoopback();
            var options = built.OptionsWithoutWordSearch(output);
            (options.BaseUrl, options.FormsEndpoint) = (_site.Address.ToString(), Graphql.ToString());
            await built.PublishAsync(options);
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>A page of the embedding site with this body (and the finder's script from the directory's site); its address.</summary>
    public Uri Page(string body)
    {
        var name = Guid.NewGuid().ToString("N");
        _pages[name] = $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Our surgery</title></head>
            <body><main><h1>Our surgery</h1>
            {body}
            </main></body>
            </html>
            """;
        return new Uri(Host, name + ".html");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
        if (_host is not null) await _host.DisposeAsync();
        Api?.Dispose();
        SiteApiFactory.TryDelete(_root);
    }
}
