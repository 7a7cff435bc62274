using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// No N+1: child rows are batch-loaded per field, so the SQL commands a request sends do not grow
/// with its page size. (The search itself is one more command, sent outside EF.)
/// </summary>
public sealed class SqlCommandCountTests(SqlCommandCountTests.CountingDirectory api) : IClassFixture<SqlCommandCountTests.CountingDirectory>
{
    public sealed class CountingDirectory : DirectoryApiFactory;

    private readonly GraphQLClient _client = new(api.CreateClient());

    [Fact]
    public async Task CommandsPerRequestDoNotGrowWithThePageSize()
    {
        var small = await CommandsForAsync(first: 2);
        var large = await CommandsForAsync(first: 60);

        Assert.Equal(small, large);
        // services + one per child field in NearMe.graphql (organisation, categories, languages, locations, addresses, schedules, costs)
        Assert.InRange(large, 1, 10);
    }

    [Fact]
    public async Task ServiceDetailsCostOneCommandPerField()
    {
        var ids = (await _client.RunAsync("ServiceIds", new { first = 2 })).DataOrFail()["services"]!["edges"]!.AsArray();
        await _client.RunAsync("ServiceDetails", new { id = ids[0]!["node"]!["id"]!.GetValue<string>() });

        api.Commands.Reset();
        var response = await _client.RunAsync("ServiceDetails", new { id = ids[1]!["node"]!["id"]!.GetValue<string>() });

        Assert.NotNull(response.DataOrFail()["service"]);
        Assert.InRange(api.Commands.Count, 1, 20);
    }

    private async Task<int> CommandsForAsync(int first)
    {
        await _client.RunAsync("NearMe", new { near = NearMeSearchTests.Sidmouth, radiusKm = 50.0, first }); // warm caches
        api.Commands.Reset();
        var response = await _client.RunAsync("NearMe", new { near = NearMeSearchTests.Sidmouth, radiusKm = 50.0, first });
        Assert.Equal(first, response.DataOrFail()["services"]!["edges"]!.AsArray().Count);
        return api.Commands.Count;
    }
}
