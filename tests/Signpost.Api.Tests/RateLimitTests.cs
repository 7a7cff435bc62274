using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>A directory that lets each client send three submissions an hour.</summary>
public sealed class RateLimitedDirectoryFactory : ModeratedDirectoryFactory
{
    protected override int SubmissionLimit => 3;
}

public sealed class RateLimitTests(RateLimitedDirectoryFactory api) : IClassFixture<RateLimitedDirectoryFactory>
{
    [Fact]
    public async Task AClientThatSendsTooManySubmissionsIsRateLimitedAndTheExtraOneIsNotStored()
    {
        var client = api.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            (await client.RunAsync("SubmitListing", new { input = Listings.KnitAndNatter($"Allowed {i}") })).DataOrFail();
        }

        var refused = await client.RunAsync("ReportProblem", new { input = new { serviceId = "9b5df8ed-38ee-533d-bc61-c5ecc49f59bc", topic = "CLOSED", message = "Fourth" } });

        Assert.Equal("RATE_LIMITED", refused.ErrorCode);
        Assert.Contains("at most 3 in 1 hour", refused.Error["message"]!.GetValue<string>());
        var queue = (await (await api.ClientAsync("maya")).RunAsync("ModerationQueue", new { })).DataOrFail()["moderationQueue"]!.AsArray();
        Assert.Equal(3, queue.Count);
        Assert.All(queue, item => Assert.Equal("NEW_LISTING", item!["kind"]!.GetValue<string>()));
    }
}
