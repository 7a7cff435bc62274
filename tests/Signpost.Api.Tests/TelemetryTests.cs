using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Traces and metrics leave only for a configured OTLP collector; none is collected otherwise.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void NothingIsCollectedWhileNoCollectorIsConfigured()
    {
        using var api = new DirectoryApiFactory();

        Assert.Null(api.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task WithACollectorConfiguredTracesOfGraphQLRequestsAreExportedOverOtlp()
    {
        await using var collector = await OtlpCollector.StartAsync();
        using var api = new ConfiguredDirectoryFactory
        {
            ["Telemetry:OtlpEndpoint"] = collector.Address.ToString(),
            ["Telemetry:OtlpProtocol"] = "HttpProtobuf",
        };

        (await new GraphQLClient(api.CreateClient()).PostAsync("{ services(first: 2) { edges { node { name } } } }")).DataOrFail();
        api.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);

        Assert.Contains("/v1/traces", collector.Paths);
        Assert.True(collector.BytesReceived > 0);
    }

    /// <summary>A stand-in OpenTelemetry collector on loopback that records what is posted to it.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private OtlpCollector(WebApplication app) => _app = app;

        public ConcurrentBag<string> Paths { get; } = [];

        public long BytesReceived;

        public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.MapPost("/{**signal}", async (HttpContext http) =>
            {
                using var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body);
                Interlocked.Add(ref collector.BytesReceived, body.Length);
                collector.Paths.Add(http.Request.Path.Value!);
                return Results.Ok();
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
