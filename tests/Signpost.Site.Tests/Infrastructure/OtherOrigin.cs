using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// Someone else's web site, on a loopback port of its own and under the name "localhost" (the
/// directory answers on 127.0.0.1), so to a browser it is another origin and another site: it
/// serves whatever pages a test gives it.
/// </summary>
public sealed class OtherOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);

    private OtherOrigin(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = default!;

    public static async Task<OtherOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var origin = new OtherOrigin(app);
        app.MapGet("/{**page}", (string? page) =>
            origin._pages.TryGetValue("/" + (page ?? ""), out var html) ? Results.Content(html, "text/html; charset=utf-8") : Results.NotFound());
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        origin.Address = new Uri($"http://localhost:{port}/");
        return origin;
    }

    /// <summary>Serves <paramref name="html"/> at <paramref name="path"/> and returns its full address.</summary>
    public Uri Serve(string path, string html)
    {
        _pages[path] = html;
        return new Uri(Address, path);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
