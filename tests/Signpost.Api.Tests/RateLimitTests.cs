using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Networking;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// A directory that lets each client send three submissions an hour, where a request can say which
/// address its connection comes from (<see cref="From"/>).
/// </summary>
public class RateLimitedDirectoryFactory : ModeratedDirectoryFactory
{
    protected override int SubmissionLimit => 3;

    /// <summary>More settings for this instance, e.g. <c>ForwardedHeaders:KnownProxies:0</c>.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Another instance whose database file this one uses, as a second API instance would.</summary>
    public DirectoryApiFactory? SharesDatabaseWith { get; init; }

    /// <summary>A client whose connection comes from <paramref name="peer"/>, optionally sending <c>X-Forwarded-For</c>.</summary>
    public GraphQLClient From(string peer, string? forwardedFor = null)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Add(TestPeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return new GraphQLClient(http);
    }

    public async Task<int> QueueLengthAsync() =>
        (await (await ClientAsync("maya")).RunAsync("ModerationQueue", new { })).DataOrFail()["moderationQueue"]!.AsArray().Count;

    /// <summary>What the database has counted for a client.</summary>
    public async Task<int> CountedAsync(string clientKey)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        return await db.RateLimitCounters.Where(c => c.ClientKey == clientKey).SumAsync(c => c.Count);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (SharesDatabaseWith is not null)
        {
            builder.UseSetting("Database:ConnectionString", SharesDatabaseWith.ConnectionString);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, TestPeerAddress>());
    }
}

public sealed class RateLimitTests(RateLimitedDirectoryFactory api) : IClassFixture<RateLimitedDirectoryFactory>
{
    private const string ServiceId = "9b5df8ed-38ee-533d-bc61-c5ecc49f59bc";

    [Fact]
    public async Task AClientThatSendsTooManySubmissionsIsRateLimitedAndTheExtraOneIsNotStored()
    {
        var client = api.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            (await client.RunAsync("SubmitListing", new { input = Listings.KnitAndNatter($"Allowed {i}") })).DataOrFail();
        }

        var refused = await client.RunAsync("ReportProblem", new { input = new { serviceId = ServiceId, topic = "CLOSED", message = "Fourth" } });

        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Contains("at most 3 in 1 hour", refused.Error["message"]!.GetValue<string>());
        var queue = (await (await api.ClientAsync("maya")).RunAsync("ModerationQueue", new { })).DataOrFail()["moderationQueue"]!.AsArray();
        Assert.Equal(3, queue.Count);
        Assert.All(queue, item => Assert.Equal("NEW_LISTING", item!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabaseShareOneBudgetAndTheRefusedSubmissionIsNotStored()
    {
        using var first = new RateLimitedDirectoryFactory();
        using var second = new RateLimitedDirectoryFactory { SharesDatabaseWith = first };

        await SubmitAsync(first.From("203.0.113.10"), "From the first instance 1");
        await SubmitAsync(first.From("203.0.113.10"), "From the first instance 2");
        await SubmitAsync(second.From("203.0.113.10"), "From the second instance");
        var refused = await Submission(second.From("203.0.113.10"), "One too many");

        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Equal(first.ConnectionString, second.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.ConnectionString);
        Assert.Equal(3, await first.QueueLengthAsync());
        Assert.Equal(3, await first.CountedAsync("203.0.113.10"));
    }

    [Fact]
    public async Task ConcurrentSubmissionsAtTheLimitLetExactlyTheLimitThrough()
    {
        using var directory = new RateLimitedDirectoryFactory();
        var client = directory.From("203.0.113.20");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Submission(client, $"At once {i}")));

        Assert.Equal(3, responses.Count(r => r.Errors is null));
        Assert.Equal(9, responses.Count(r => r.Errors is not null && r.ErrorCode == "RATE_LIMITED"));
        Assert.Equal(3, await directory.QueueLengthAsync());
        Assert.Equal(3, await directory.CountedAsync("203.0.113.20"));
    }

    [Fact]
    public async Task WithNoProxyConfiguredAClientRotatingXForwardedForIsStillOneClient()
    {
        using var directory = new RateLimitedDirectoryFactory();

        // Loopback: the address ASP.NET Core would trust as a proxy by default.
        for (var i = 1; i <= 3; i++)
        {
            await SubmitAsync(directory.From("127.0.0.1", forwardedFor: $"198.51.100.{i}"), $"Rotating {i}");
        }

        var refused = await Submission(directory.From("127.0.0.1", forwardedFor: "198.51.100.4"), "Rotating 4");

        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Equal(3, await directory.CountedAsync("127.0.0.1"));
    }

    [Fact]
    public async Task ATrustedProxysForwardedClientsEachHaveTheirOwnBudgetWhateverTrustedProxyTheyComeThrough()
    {
        using var directory = BehindProxies();

        for (var i = 1; i <= 3; i++)
        {
            await SubmitAsync(directory.From("10.0.0.5", forwardedFor: "198.51.100.1"), $"First client {i}");
        }

        var refused = await Submission(directory.From("10.0.0.5", forwardedFor: "198.51.100.1"), "First client 4");
        var throughTheOtherProxy = await Submission(directory.From("192.168.7.9", forwardedFor: "198.51.100.1"), "First client 5");
        await SubmitAsync(directory.From("10.0.0.5", forwardedFor: "198.51.100.2"), "Second client");
        await SubmitAsync(directory.From("192.168.7.9", forwardedFor: "198.51.100.3"), "Third client");

        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Equal("RATE_LIMITED", throughTheOtherProxy.ErrorCode);
        Assert.Equal(3, await directory.CountedAsync("198.51.100.1"));
        Assert.Equal(0, await directory.CountedAsync("10.0.0.5"));
        Assert.Equal(5, await directory.QueueLengthAsync());
    }

    [Fact]
    public async Task AForwardedHeaderFromAnAddressThatIsNotATrustedProxyIsIgnored()
    {
        using var directory = BehindProxies();

        for (var i = 1; i <= 3; i++)
        {
            await SubmitAsync(directory.From("127.0.0.1", forwardedFor: $"198.51.100.{i}"), $"Untrusted {i}");
        }

        var refused = await Submission(directory.From("127.0.0.1", forwardedFor: "198.51.100.4"), "Untrusted 4");

        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Equal(3, await directory.CountedAsync("127.0.0.1"));
        Assert.Equal(0, await directory.CountedAsync("198.51.100.1"));
    }

    [Fact]
    public async Task AnIPv6ClientIsCountedByItsSlash64SoItCannotRotateAddressesWithinIt()
    {
        using var directory = new RateLimitedDirectoryFactory();

        await SubmitAsync(directory.From("2001:db8:1:2::a"), "IPv6 1");
        await SubmitAsync(directory.From("2001:db8:1:2:ffff::b"), "IPv6 2");
        await SubmitAsync(directory.From("2001:db8:1:2:1234:5678:9abc:def0"), "IPv6 3");
        var refused = await Submission(directory.From("2001:db8:1:2::c"), "IPv6 4");
        await SubmitAsync(directory.From("2001:db8:1:3::a"), "Next network");

        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Equal(3, await directory.CountedAsync("2001:db8:1:2::/64"));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    [InlineData("fe80::1%3", "fe80::/64")]
    public void AClientIsKeyedByItsIPv4AddressOrItsIPv6Network(string address, string key) =>
        Assert.Equal(key, ClientAddress.Key(System.Net.IPAddress.Parse(address)));

    [Theory]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks: '10.0.0.0/33' is not a network")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.1/8", "ForwardedHeaders:KnownNetworks: '10.0.0.1/8' is not a network")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0", "ForwardedHeaders:KnownProxies: '10.0.0' is not an IP address")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0", "ForwardedHeaders:ForwardLimit must be between 1 and 10")]
    public void ABadProxySettingStopsStartUpWithAMessageNamingIt(string setting, string value, string message)
    {
        using var directory = new RateLimitedDirectoryFactory { Settings = { [setting] = value } };

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => directory.CreateClient());

        Assert.Contains(message, error.Message);
    }

    private static RateLimitedDirectoryFactory BehindProxies() => new()
    {
        Settings =
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "192.168.0.0/16",
        },
    };

    private static Task<GraphQLResponse> Submission(GraphQLClient client, string name) =>
        client.RunAsync("SubmitListing", new { input = Listings.KnitAndNatter(name) });

    private static async Task SubmitAsync(GraphQLClient client, string name) => (await Submission(client, name)).DataOrFail();
}
