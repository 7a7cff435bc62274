using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

[Collection(DirectoryCollection.Name)]
public sealed class HealthTests(DirectoryApiFactory api)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task AHealthyApiAnswersBothProbesWithAnUncachedOk(string path)
    {
        using var response = await api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [SqliteFact]
    public async Task WhileTheDatabaseIsUnusableTheApiIsNotReadyButStillLive()
    {
        using var broken = new ConfiguredDirectoryFactory { ["Database:SeedOnStartup"] = "false" };
        var client = broken.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // The file is overwritten under the running API (a failed disk, a bad restore); pooled
        // handles are let go so the next query opens the file as it now is.
        SqliteConnection.ClearAllPools();
        File.Delete(broken.DatabasePath + "-wal");
        File.Delete(broken.DatabasePath + "-shm");
        await File.WriteAllBytesAsync(broken.DatabasePath, Enumerable.Repeat((byte)0x5A, 8192).ToArray());

        using var ready = await client.GetAsync("/health/ready");
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.True(ready.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public void ShutdownWaitsForRequestsInFlightForABoundedTime()
    {
        using var configured = new ConfiguredDirectoryFactory { ["Database:SeedOnStartup"] = "false", ["Hosting:ShutdownTimeout"] = "00:00:07" };

        Assert.Equal(TimeSpan.FromSeconds(20), api.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), configured.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }
}
