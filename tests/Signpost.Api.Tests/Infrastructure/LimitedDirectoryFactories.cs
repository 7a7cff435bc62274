using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Signpost.Tests.Infrastructure;

/// <summary>A seeded directory with some limits set low, so tests can reach them quickly.</summary>
public abstract class LimitedDirectoryFactory : DirectoryApiFactory
{
    protected abstract IEnumerable<(string Key, string Value)> Limits { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Limits)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Small caches and a half-second request timeout.</summary>
public sealed class SmallCachesDirectoryFactory : LimitedDirectoryFactory
{
    public const int DocumentCacheBytes = 400_000;
    public const int PersistedQueryCacheBytes = 50_000;
    public const int MaxCacheableQueryLength = 8_000;

    protected override IEnumerable<(string, string)> Limits =>
    [
        ("GraphQL:DocumentCacheBytes", DocumentCacheBytes.ToString()),
        ("GraphQL:PersistedQueryCacheBytes", PersistedQueryCacheBytes.ToString()),
        ("GraphQL:MaxCacheableQueryLength", MaxCacheableQueryLength.ToString()),
    ];
}

/// <summary>
/// The API on real Kestrel sockets on loopback (the in-memory test server buffers request
/// bodies, which would hide how the API reads them), with a one-second request timeout.
/// </summary>
public sealed class KestrelDirectoryFactory : LimitedDirectoryFactory
{
    public KestrelDirectoryFactory()
    {
        UseKestrel(0);
        StartServer();
        Address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Where Kestrel listens on loopback.</summary>
    public Uri Address { get; }

    /// <summary>
    /// A plain HttpClient: the factory's own client buffers request bodies (to replay them on
    /// redirects), which would hide a slow or endless body from the server.
    /// </summary>
    public HttpClient CreatePlainClient() => new() { BaseAddress = Address };

    protected override IEnumerable<(string, string)> Limits => [("GraphQL:RequestTimeout", "00:00:01")];
}

/// <summary>A read budget of 3,000 cost a minute per client.</summary>
public sealed class SmallReadBudgetDirectoryFactory : LimitedDirectoryFactory
{
    protected override IEnumerable<(string, string)> Limits =>
    [
        ("GraphQL:MaxComplexity", "3000"),
        ("GraphQL:ReadBudgetPerMinute", "3000"),
    ];
}
