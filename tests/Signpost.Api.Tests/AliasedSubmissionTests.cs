using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>A directory that lets each client send three submissions an hour.</summary>
public sealed class ThreeSubmissionsDirectoryFactory : ModeratedDirectoryFactory
{
    protected override int SubmissionLimit => 3;
}

public sealed class AliasedSubmissionTests(ThreeSubmissionsDirectoryFactory api) : IClassFixture<ThreeSubmissionsDirectoryFactory>
{
    [Fact]
    public async Task AliasedSubmissionsOverTheLimitKeepTheReceiptsThatWereIssued()
    {
        var reports = string.Join('\n', Enumerable.Range(0, 5).Select(i =>
            $"r{i}: reportProblem(input: {{ serviceId: \"9b5df8ed-38ee-533d-bc61-c5ecc49f59bc\", topic: CLOSED, message: \"Report {i}\" }}) {{ reference statusToken }}"));

        var response = await api.Anonymous().PostAsync($"mutation {{ {reports} }}");

        var data = response.Data!.AsObject();
        var receipts = Enumerable.Range(0, 5).Select(i => data[$"r{i}"]).ToList();
        Assert.Equal(3, receipts.Count(r => r?["reference"] is not null));
        Assert.Equal(2, receipts.Count(r => r is null));
        Assert.Equal(2, response.Errors!.Count(e => e!["extensions"]!["code"]!.GetValue<string>() == "RATE_LIMITED"));

        var queue = (await (await api.ClientAsync("maya")).RunAsync("ModerationQueue", new { kind = "PROBLEM_REPORT" })).DataOrFail()["moderationQueue"]!.AsArray();
        var stored = queue.Select(q => q!["reference"]!.GetValue<string>()).ToHashSet();
        Assert.All(receipts.Where(r => r is not null), r => Assert.Contains(r!["reference"]!.GetValue<string>(), stored));
        Assert.Equal(3, queue.Count);
    }
}
