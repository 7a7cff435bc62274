using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Signpost.Tests.Infrastructure;

/// <summary>Small caches and a half-second request timeout.</summary>
public sealed class SmallCachesDirectoryFactory : ConfiguredDirectoryFactory
{
    public const int DocumentCacheBytes = 400_000;
    public const int PersistedQueryCacheBytes = 50_000;
    public const int MaxCacheableQueryLength = 8_000;

    public SmallCachesDirectoryFactory()
    {
        this["GraphQL:DocumentCacheBytes"] = DocumentCacheBytes.ToString();
        this["GraphQL:PersistedQueryCacheBytes"] = PersistedQueryCacheBytes.ToString();
        this["GraphQL:MaxCacheableQueryLength"] = MaxCacheableQueryLength.ToString();
    }
}

/// <summary>
/// The API on real Kestrel sockets on loopback (the in-memory test server buffers request
/// bodies, which would hide how the API reads them), with a one-second request timeout.
/// </summary>
public sealed class KestrelDirectoryFactory : ConfiguredDirectoryFactory
{
    public KestrelDirectoryFactory()
    {
        this["GraphQL:RequestTimeout"] = "00:00:01";
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
}

/// <summary>A read budget of 3,000 cost a minute per client.</summary>
public sealed class SmallReadBudgetDirectoryFactory : ConfiguredDirectoryFactory
{
    public SmallReadBudgetDirectoryFactory()
    {
        this["GraphQL:MaxComplexity"] = "3000";
        this["GraphQL:ReadBudgetPerMinute"] = "3000";
    }
}
