using Signpost.Operations;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>The <c>optimize</c> command rebuilds the search indexes without changing any answer.</summary>
public sealed class OptimizeCommandTests(OptimizeCommandTests.Directory api) : IClassFixture<OptimizeCommandTests.Directory>
{
    public sealed class Directory : DirectoryApiFactory;

    private readonly GraphQLClient _client = new(api.CreateClient());

    [SqliteFact]
    public async Task SearchesAnswerTheSameAfterTheIndexesAreRebuilt()
    {
        var searches = new object[]
        {
            new { near = NearMeSearchTests.Sidmouth, radiusKm = 25.0, first = 100 },
            new { near = NearMeSearchTests.Sidmouth, radiusKm = 25.0, text = "support", first = 100 },
            new { near = new { latitude = 50.7150, longitude = -3.2250 }, radiusKm = 0.5, first = 100 },
        };
        var before = new List<string>();
        foreach (var search in searches)
        {
            before.Add((await _client.RunAsync("ServiceIds", search)).DataOrFail().ToJsonString());
        }

        var output = new StringWriter();
        Assert.Equal(0, await OptimizeCommand.RunAsync(api.Services, [], output, output));
        Assert.StartsWith("optimize: search indexes rebuilt in", output.ToString());

        for (var i = 0; i < searches.Length; i++)
        {
            Assert.Equal(before[i], (await _client.RunAsync("ServiceIds", searches[i])).DataOrFail().ToJsonString());
        }
    }

    [SqliteFact]
    public async Task UnexpectedArgumentsGetTheUsage()
    {
        var error = new StringWriter();
        Assert.Equal(2, await OptimizeCommand.RunAsync(api.Services, ["--now"], TextWriter.Null, error));
        Assert.Contains("Usage:", error.ToString());
    }
}
