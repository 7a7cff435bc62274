using System.Text.Json.Nodes;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Who may moderate, what approving does, the audit trail, and two moderators at once.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class ModerationTests(ModeratedDirectoryFactory api)
{
    [Fact]
    public async Task AnonymousWrongRoleRevokedAndForgedKeysCannotModerateAndChangeNothing()
    {
        var receipt = await SuggestAsync(SeedService(0), new { description = "Role check" });
        var moderator = await api.ClientAsync("maya");
        var item = await SubmissionTests.QueueItemAsync(moderator, receipt);
        var approve = new { input = new { id = item["id"]!.GetValue<string>(), expectedVersion = item["currentVersion"]!.GetValue<int>() } };

        Assert.Equal("UNAUTHENTICATED", (await api.Anonymous().RunAsync("ApproveSubmission", approve)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await (await api.ClientAsync("nia")).RunAsync("ApproveSubmission", approve)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await (await api.ClientAsync("rex")).RunAsync("ApproveSubmission", approve)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await new GraphQLClient(api.CreateClient(), "sp_forged0000000000000000000000000000000000").RunAsync("ApproveSubmission", approve)).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await api.Anonymous().RunAsync("ModerationQueue", new { })).ErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await api.Anonymous().RunAsync("ModerateService", new { input = new { serviceId = item["service"]!["id"]!.GetValue<string>() } }, "Archive")).ErrorCode);
        var history = await api.Anonymous().RunAsync("ServiceHistory", new { id = item["service"]!["id"]!.GetValue<string>() });
        Assert.Equal("UNAUTHENTICATED", history.ErrorCode);

        var still = await SubmissionTests.QueueItemAsync(moderator, receipt);
        Assert.Equal("PENDING", still["status"]!.GetValue<string>());
        Assert.Equal(item["currentVersion"]!.GetValue<int>(), still["currentVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task ApprovingASuggestionAppliesEveryFieldAndTheAuditSaysWhoWhenAndWhat()
    {
        var id = SeedService(1);
        var before = await ServiceAsync(id);
        var receipt = await SuggestAsync(id, new { description = "New description from the group.", minimumAge = 16 }, before["version"]!.GetValue<int>(), note: "Our leaflet changed.");
        var moderator = await api.ClientAsync("maya");
        var item = await SubmissionTests.QueueItemAsync(moderator, receipt);
        Assert.Equal("Our leaflet changed.", item["message"]!.GetValue<string>());
        Assert.Contains(item["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "description"
            && c["current"]?.GetValue<string>() == before["description"]?.GetValue<string>() && c["proposed"]!.GetValue<string>() == "New description from the group.");

        var approved = (await moderator.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>(), expectedVersion = before["version"]!.GetValue<int>() } })).DataOrFail();

        var after = (await moderator.RunAsync("ServiceHistory", new { id })).DataOrFail()["service"]!;
        Assert.Equal("New description from the group.", after["description"]!.GetValue<string>());
        Assert.Equal(16, after["minimumAge"]!.GetValue<int>());
        Assert.Equal(before["version"]!.GetValue<int>() + 1, after["version"]!.GetValue<int>());
        var entry = after["history"]![0]!;
        Assert.Equal("maya", entry["actor"]!.GetValue<string>());
        Assert.Equal("updated", entry["action"]!.GetValue<string>());
        Assert.Equal(after["version"]!.GetValue<int>(), entry["version"]!.GetValue<int>());
        Assert.Equal(item["id"]!.GetValue<string>(), entry["submissionId"]!.GetValue<string>());
        Assert.Equal("2026-11-24T10:30:00Z", entry["at"]!.GetValue<string>());
        var changes = entry["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>());
        Assert.Equal(["description", "minimumAge"], changes.Keys.Order());
        Assert.Equal(before["description"]?.GetValue<string>(), changes["description"]!["oldValue"]?.GetValue<string>());
        Assert.Equal("New description from the group.", changes["description"]!["newValue"]!.GetValue<string>());
        Assert.Equal("16", changes["minimumAge"]!["newValue"]!.GetValue<string>());
        Assert.Equal("APPROVED", approved["approveSubmission"]!["submission"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoModeratorsApprovingConflictingChangesAtOnceOneWinsTheOtherGetsConflictAndNothingIsHalfApplied()
    {
        var id = SeedService(2);
        var version = (await ServiceAsync(id))["version"]!.GetValue<int>();
        var audited = (await (await api.ClientAsync("ada")).RunAsync("ServiceHistory", new { id })).DataOrFail()["service"]!["history"]!.AsArray().Count;
        var first = await SuggestAsync(id, new { name = "Name from suggestion A", description = "Description A" }, version);
        var second = await SuggestAsync(id, new { name = "Name from suggestion B", description = "Description B" }, version);
        var maya = await api.ClientAsync("maya");
        var omar = await api.ClientAsync("omar");
        var a = await SubmissionTests.QueueItemAsync(maya, first);
        var b = await SubmissionTests.QueueItemAsync(omar, second);

        var results = await Task.WhenAll(
            maya.RunAsync("ApproveSubmission", new { input = new { id = a["id"]!.GetValue<string>(), expectedVersion = version } }),
            omar.RunAsync("ApproveSubmission", new { input = new { id = b["id"]!.GetValue<string>(), expectedVersion = version } }));

        Assert.Single(results, r => r.Errors is null);
        var loser = Assert.Single(results, r => r.Errors is not null);
        Assert.Equal("CONFLICT", loser.ErrorCode);
        var after = (await maya.RunAsync("ServiceHistory", new { id })).DataOrFail()["service"]!;
        Assert.Equal(version + 1, after["version"]!.GetValue<int>());
        var winner = after["name"]!.GetValue<string>()[^1];
        Assert.Equal($"Description {winner}", after["description"]!.GetValue<string>()); // both fields from the same suggestion
        Assert.Equal(audited + 1, after["history"]!.AsArray().Count);

        var pending = (await maya.RunAsync("ModerationQueue", new { serviceId = id })).DataOrFail()["moderationQueue"]!.AsArray();
        var left = Assert.Single(pending);
        Assert.True(left!["isOutdated"]!.GetValue<bool>(), "the other suggestion was made against an older version");
        Assert.Equal(version + 1, left["currentVersion"]!.GetValue<int>());

        // A decided submission cannot be decided again.
        var winning = winner == 'A' ? a : b;
        var again = await omar.RunAsync("ApproveSubmission", new { input = new { id = winning["id"]!.GetValue<string>(), expectedVersion = version + 1 } });
        Assert.Equal("CONFLICT", again.ErrorCode);
        Assert.Contains("was already approved", again.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ApprovingWithAnOldVersionIsAConflictAndASuggestionNeedsTheVersionReviewed()
    {
        var id = SeedService(3);
        var version = (await ServiceAsync(id))["version"]!.GetValue<int>();
        var receipt = await SuggestAsync(id, new { alert = "Closed in August" }, version);
        var maya = await api.ClientAsync("maya");
        var item = await SubmissionTests.QueueItemAsync(maya, receipt);

        var missing = await maya.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>() } });
        Assert.Equal("input.expectedVersion", missing.Error["extensions"]!["field"]!.GetValue<string>());
        (await maya.RunAsync("ModerateService", new { input = new { serviceId = id, expectedVersion = version } }, "Verify")).DataOrFail();

        var stale = await maya.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>(), expectedVersion = version } });

        Assert.Equal("CONFLICT", stale.ErrorCode);
        Assert.Contains($"version {version + 1}, not {version}", stale.Error["message"]!.GetValue<string>());
        Assert.Equal("PENDING", (await SubmissionTests.QueueItemAsync(maya, receipt))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ArchivedServicesLeavePublicResultsStayRestorableAndNothingIsDeleted()
    {
        var id = SeedService(4);
        var ada = await api.ClientAsync("ada");
        Assert.Contains(id, await IdsNearSidfordAsync());

        var archived = (await ada.RunAsync("ModerateService", new { input = new { serviceId = id } }, "Archive")).DataOrFail()["archiveService"]!["service"]!;
        Assert.Equal("INACTIVE", archived["status"]!.GetValue<string>());
        Assert.DoesNotContain(id, await IdsNearSidfordAsync());
        Assert.Equal("INACTIVE", (await ServiceAsync(id))["status"]!.GetValue<string>()); // still there, by id
        Assert.Equal("CONFLICT", (await ada.RunAsync("ModerateService", new { input = new { serviceId = id } }, "Archive")).ErrorCode);

        (await ada.RunAsync("ModerateService", new { input = new { serviceId = id } }, "Restore")).DataOrFail();
        Assert.Contains(id, await IdsNearSidfordAsync());

        var history = (await ada.RunAsync("ServiceHistory", new { id })).DataOrFail()["service"]!["history"]!.AsArray();
        Assert.Equal(["restored", "archived"], history.Take(2).Select(h => h!["action"]!.GetValue<string>()));
        Assert.Equal("active", history[1]!["changes"]![0]!["oldValue"]!.GetValue<string>());
        Assert.Equal("inactive", history[1]!["changes"]![0]!["newValue"]!.GetValue<string>());
        Assert.Equal("ada", history[0]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATemporarilyClosedServiceStaysListedButNeverOpen()
    {
        var id = SeedService(5);
        var maya = await api.ClientAsync("maya");

        var closed = (await maya.RunAsync("ModerateService", new { input = new { serviceId = id } }, "CloseTemporarily")).DataOrFail()["closeServiceTemporarily"]!["service"]!;

        Assert.Equal("TEMPORARILY_CLOSED", closed["status"]!.GetValue<string>());
        Assert.Contains(id, await IdsNearSidfordAsync());
        (await maya.RunAsync("ModerateService", new { input = new { serviceId = id } }, "Restore")).DataOrFail();
    }

    [Fact]
    public async Task VerifyingSetsLastVerifiedToTodayAndTheListingLeavesTheStaleList()
    {
        var maya = await api.ClientAsync("maya");
        var stale = (await maya.RunAsync("StaleServices", new { })).DataOrFail()["staleServices"]!.AsArray();
        Assert.NotEmpty(stale);
        Assert.All(stale, s => Assert.True(s!["isStale"]!.GetValue<bool>()));
        var id = stale[0]!["id"]!.GetValue<string>();

        var verified = (await maya.RunAsync("ModerateService", new { input = new { serviceId = id } }, "Verify")).DataOrFail()["verifyService"]!["service"]!;

        Assert.Equal("2026-11-24", verified["lastVerified"]!.GetValue<string>());
        Assert.False(verified["isStale"]!.GetValue<bool>());
        Assert.DoesNotContain((await maya.RunAsync("StaleServices", new { })).DataOrFail()["staleServices"]!.AsArray(), s => s!["id"]!.GetValue<string>() == id);
        var entry = (await maya.RunAsync("ServiceHistory", new { id })).DataOrFail()["service"]!["history"]![0]!;
        Assert.Equal("verified", entry["action"]!.GetValue<string>());
        Assert.Equal("2026-11-24", entry["changes"]![0]!["newValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task AProblemReportReachesTheQueueWithItsTopicAndMessage()
    {
        var id = SeedService(6);
        var receipt = (await api.Anonymous().RunAsync("ReportProblem", new { input = new { serviceId = id, topic = "WRONG_CONTACT_DETAILS", message = "The phone number rings a fish shop." } }))
            .DataOrFail()["reportProblem"]!["reference"]!.GetValue<string>();
        var maya = await api.ClientAsync("maya");

        var item = await SubmissionTests.QueueItemAsync(maya, receipt);

        Assert.Equal("PROBLEM_REPORT", item["kind"]!.GetValue<string>());
        Assert.Equal("WRONG_CONTACT_DETAILS", item["topic"]!.GetValue<string>());
        Assert.Equal("The phone number rings a fish shop.", item["message"]!.GetValue<string>());
        Assert.Equal(id, item["service"]!["id"]!.GetValue<string>());
        var done = (await maya.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>() } })).DataOrFail();
        Assert.Equal("APPROVED", done["approveSubmission"]!["submission"]!["status"]!.GetValue<string>());
    }

    [SqliteFact]
    public async Task KeysAreStoredOnlyAsHashesAndTheCommandListsAndRevokesThem()
    {
        await api.ClientAsync("maya"); // the fixture's keys exist, rex's revoked
        var secret = await SecretOfNewKeyAsync("audit-check");
        var output = new StringWriter();

        Assert.Equal(0, await Signpost.Moderation.ApiKeysCommand.RunAsync(api.Services, ["list"], output, TextWriter.Null));
        Assert.Contains("audit-check", output.ToString());
        Assert.DoesNotContain(secret, output.ToString());
        Assert.Contains("revoked", output.ToString()); // rex
        // The database and its write-ahead log: a fresh row may not have reached the main file yet.
        foreach (var file in new[] { api.DatabasePath, api.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        var error = new StringWriter();
        Assert.Equal(2, await Signpost.Moderation.ApiKeysCommand.RunAsync(api.Services, ["create", "--name", "x", "--role", "superuser"], TextWriter.Null, error));
        Assert.Equal("--role: 'superuser' is not moderator, admin or navigator", error.ToString().Trim());
    }

    private async Task<string> SecretOfNewKeyAsync(string name)
    {
        var output = new StringWriter();
        Assert.Equal(0, await Signpost.Moderation.ApiKeysCommand.RunAsync(api.Services, ["create", "--name", name, "--role", "moderator"], output, TextWriter.Null));
        return output.ToString().Trim().Split('\n')[^1].Trim();
    }

    private async Task<string> SuggestAsync(string serviceId, object changes, int baseVersion = 1, string? note = null) =>
        (await api.Anonymous().RunAsync("SuggestChange", new { input = new { serviceId, baseVersion, changes, note, submitter = new { email = "suggester@example.org" } } }))
            .DataOrFail()["suggestChange"]!["reference"]!.GetValue<string>();

    private async Task<JsonNode> ServiceAsync(string id) => (await api.Anonymous().RunAsync("ServiceVersion", new { id })).DataOrFail()["service"]!;

    /// <summary>Sid Valley seed services near Sidford; each test takes its own so they do not disturb each other.</summary>
    private static readonly string[] SidValleyServices =
    [
        "9b5df8ed-38ee-533d-bc61-c5ecc49f59bc", "a8a7ef57-b371-5bc9-ba48-1dc129ed643d", "81a43b9a-3328-5dab-a050-4232aed99146",
        "2a6e52e1-c88d-5738-9c33-d5e68e518544", "3101159e-5555-53a7-8ed3-b169a0e1b9a3", "02e0c0e9-70a8-5813-bef6-243c489f61d5",
        "43f5239f-05b4-5822-95e3-3edca856367b",
    ];

    private static string SeedService(int index) => SidValleyServices[index];

    private async Task<List<string>> IdsNearSidfordAsync() =>
        (await api.Anonymous().RunAsync("ServiceIds", new { near = new { latitude = 50.6950, longitude = -3.2170 }, radiusKm = 5.0, first = 100 }))
            .DataOrFail()["services"]!["edges"]!.AsArray().Select(e => e!["node"]!["id"]!.GetValue<string>()).ToList();
}
