using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Signpost.Site.Tests.Infrastructure;

/// <summary>
/// A map picture (tile) server on a loopback port that counts what it is asked for, standing in
/// for OpenStreetMap's: the site must not ask it anything until a resident shows the map.
/// </summary>
public sealed class TileServer : IAsyncDisposable
{
    // A 1 × 1 light grey PNG; the browser stretches it over the 256 px tile.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48e4JAAV8AruJvV3+AAAAAElFTkSuQmCC");

    private readonly WebApplication _app;
    private int _requests;

    private TileServer(WebApplication app) => _app = app;

    public Uri Address { get; private set; } = default!;

    /// <summary>The requests it has answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The address template the site is built with.</summary>
    public string Template => new Uri(Address, "tiles/{z}/{x}/{y}.png").ToString().Replace("%7B", "{", StringComparison.Ordinal).Replace("%7D", "}", StringComparison.Ordinal);

    public static async Task<TileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new TileServer(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref server._requests);
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(Tile);
        });
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
