using System.Text.Json.Nodes;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>What the public can send, and that nothing of it is public until a moderator approves it.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class SubmissionTests(ModeratedDirectoryFactory api)
{
    private static readonly object NearSidford = new { latitude = 50.6950, longitude = -3.2170 };

    [Fact]
    public async Task ASubmittedListingIsInvisibleUntilApprovedThenSearchableNearItsLocation()
    {
        var name = "Knit and natter " + Guid.NewGuid().ToString("N")[..8];
        var anonymous = api.Anonymous();
        var receipt = (await anonymous.RunAsync("SubmitListing", new { input = Listings.KnitAndNatter(name) })).DataOrFail()["submitListing"]!;
        Assert.Equal("PENDING", receipt["status"]!.GetValue<string>());
        Assert.Matches("^SP-[2-9A-Z]{4}-[2-9A-Z]{4}$", receipt["reference"]!.GetValue<string>());

        Assert.DoesNotContain(name, await NamesNearSidfordAsync(anonymous));
        Assert.Equal(0, await TextMatchesAsync(anonymous, name.Split(' ')[^1]));

        var moderator = await api.ClientAsync("maya");
        var item = await QueueItemAsync(moderator, receipt["reference"]!.GetValue<string>());
        var approved = (await moderator.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>() } })).DataOrFail()["approveSubmission"]!;
        Assert.Equal("APPROVED", approved["submission"]!["status"]!.GetValue<string>());
        Assert.Equal("maya", approved["submission"]!["decidedBy"]!.GetValue<string>());

        Assert.Contains(name, await NamesNearSidfordAsync(anonymous));
        Assert.Equal(1, await TextMatchesAsync(anonymous, name.Split(' ')[^1]));
        var service = (await anonymous.RunAsync("ServiceVersion", new { id = approved["service"]!["id"]!.GetValue<string>() })).DataOrFail()["service"]!;
        Assert.Equal("Sidford Community Hall Trust", service["organization"]!["name"]!.GetValue<string>());
        Assert.Equal("EX10 9QX", service["locations"]![0]!["address"]!["postalCode"]!.GetValue<string>());
        Assert.Equal("Thursdays, 2pm–4pm", service["schedules"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(1, service["version"]!.GetValue<int>());

        var created = (await moderator.RunAsync("ServiceHistory", new { id = approved["service"]!["id"]!.GetValue<string>() })).DataOrFail()["service"]!["history"]!.AsArray();
        var entry = Assert.Single(created)!;
        Assert.Equal(("created", "maya"), (entry["action"]!.GetValue<string>(), entry["actor"]!.GetValue<string>()));
        var fields = entry["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => c!["newValue"]?.GetValue<string>());
        Assert.Equal(name, fields["name"]);
        Assert.Equal("Sidford Community Hall Trust", fields["organization"]);
        Assert.StartsWith("Sidford Village Hall (", fields["locations[0]"]);
        Assert.All(entry["changes"]!.AsArray(), c => Assert.Null(c!["oldValue"]));
    }

    [Fact]
    public async Task TheSubmitterFollowsProgressWithTheirTokenAndNobodyElseCan()
    {
        var anonymous = api.Anonymous();
        var receipt = (await anonymous.RunAsync("SubmitListing", new { input = Listings.KnitAndNatter("Progress check group") })).DataOrFail()["submitListing"]!;
        var reference = receipt["reference"]!.GetValue<string>();
        var token = receipt["statusToken"]!.GetValue<string>();

        var status = (await anonymous.RunAsync("SubmissionStatus", new { reference, token })).DataOrFail()["submissionStatus"]!;
        Assert.Equal("PENDING", status["status"]!.GetValue<string>());
        Assert.Equal("NEW_LISTING", status["kind"]!.GetValue<string>());

        var wrongToken = await anonymous.RunAsync("SubmissionStatus", new { reference, token = token[..^2] + "xx" });
        Assert.Equal("NOT_FOUND", wrongToken.ErrorCode);
        var wrongReference = await anonymous.RunAsync("SubmissionStatus", new { reference = "SP-2222-2222", token });
        Assert.Equal("NOT_FOUND", wrongReference.ErrorCode);

        var moderator = await api.ClientAsync("omar");
        var item = await QueueItemAsync(moderator, reference);
        (await moderator.RunAsync("RejectSubmission", new { input = new { id = item["id"]!.GetValue<string>(), reason = "We already list this group." } })).DataOrFail();

        status = (await anonymous.RunAsync("SubmissionStatus", new { reference = reference.ToLowerInvariant(), token })).DataOrFail()["submissionStatus"]!;
        Assert.Equal("REJECTED", status["status"]!.GetValue<string>());
        Assert.Equal("We already list this group.", status["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheSubmittersOwnContactDetailsNeverAppearInPublicAnswers()
    {
        var name = "Private details check " + Guid.NewGuid().ToString("N")[..6];
        var anonymous = api.Anonymous();
        var receipt = (await anonymous.RunAsync("SubmitListing", new { input = Listings.KnitAndNatter(name) })).DataOrFail()["submitListing"]!;
        var moderator = await api.ClientAsync("maya");
        var item = await QueueItemAsync(moderator, receipt["reference"]!.GetValue<string>());
        Assert.Equal("pat.private@example.org", item["submitter"]!["email"]!.GetValue<string>()); // moderators see it
        var approved = (await moderator.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>() } })).DataOrFail();

        var id = approved["approveSubmission"]!["service"]!["id"]!.GetValue<string>();
        var publicView = await anonymous.RunAsync("ServiceDetails", new { id });
        Assert.DoesNotContain("pat.private@example.org", publicView.ToString());
        var status = await anonymous.RunAsync("SubmissionStatus", new { reference = receipt["reference"]!.GetValue<string>(), token = receipt["statusToken"]!.GetValue<string>() });
        Assert.DoesNotContain("pat.private", status.ToString());
    }

    [Fact]
    public async Task AFilledHoneypotGetsAReceiptButNothingIsQueued()
    {
        var before = await PendingCountAsync();
        var bot = Listings.KnitAndNatter("Cheap pills").With("homepage", "https://spam.example");

        var receipt = (await api.Anonymous().RunAsync("SubmitListing", new { input = bot })).DataOrFail()["submitListing"]!;

        Assert.Equal("PENDING", receipt["status"]!.GetValue<string>());
        Assert.Equal(before, await PendingCountAsync());
        Assert.Equal("NOT_FOUND", (await api.Anonymous().RunAsync("SubmissionStatus",
            new { reference = receipt["reference"]!.GetValue<string>(), token = receipt["statusToken"]!.GetValue<string>() })).ErrorCode);
    }

    public static TheoryData<string, object, string> BadListings() => new()
    {
        { "name", "   ", "input.name" },
        { "description", new string('a', 4_001), "input.description" },
        { "url", "javascript:alert(1)", "input.url" },
        { "email", "not an email", "input.email" },
        { "phone", "call us!", "input.phone" },
        { "minimumAge", 130, "input.minimumAge" },
        { "categories", new[] { "dementia", "no-such-need" }, "input.categories[1]" },
        { "categories", Array.Empty<string>(), "input.categories" },
        { "locations", new[] { new { address1 = "1 High St", city = "Sidmouth", postcode = "NOT A POSTCODE" } }, "input.locations[0].postcode" },
        { "locations", new[] { new { address1 = "1 High St", city = "Sidmouth", postcode = "JE2 9AA" } }, "input.locations[0].postcode" },
        { "locations", new[] { new { address1 = "", city = "Sidmouth", postcode = "EX10 8XX" } }, "input.locations[0].address1" },
        { "locations", Enumerable.Repeat(new { address1 = "1 High St", city = "Sidmouth", postcode = "EX10 8XX" }, 11).ToArray(), "input.locations" },
        { "schedules", new[] { new { freq = "WEEKLY", byDay = "XX", opensAt = "10:00", closesAt = "12:00" } }, "input.schedules[0].byDay" },
        { "schedules", new[] { new { freq = "WEEKLY", byDay = "TU", opensAt = "14:00", closesAt = "12:00" } }, "input.schedules[0].closesAt" },
        { "submitter", new { name = "Pat", email = "pat@" }, "input.submitter.email" },
        { "organization", new { name = "" }, "input.organization.name" },
        { "name", "Tab\tis fine but NUL\0is not", "input.name" },
    };

    [Theory]
    [MemberData(nameof(BadListings))]
    public async Task EachBadFieldIsNamedByItsInputPathAndNothingIsStored(string field, object value, string path)
    {
        var before = await PendingCountAsync();

        var response = await api.Anonymous().RunAsync("SubmitListing", new { input = Listings.KnitAndNatter("Bad input check").With(field, value) });

        Assert.Equal("BAD_USER_INPUT", response.ErrorCode);
        Assert.Equal(path, response.Error["extensions"]!["field"]!.GetValue<string>());
        Assert.StartsWith(path + ": ", response.Error["message"]!.GetValue<string>());
        Assert.Equal(before, await PendingCountAsync());
    }

    [Fact]
    public async Task BadSuggestionsAndReportsAreNamedByTheirInputPath()
    {
        var anonymous = api.Anonymous();
        var id = await SomeSeedServiceIdAsync(anonymous);

        Assert.Equal("input.serviceId", Field(await anonymous.RunAsync("SuggestChange", new { input = new { serviceId = "not-a-uuid", baseVersion = 1, changes = new { name = "x" } } })));
        Assert.Equal("input.baseVersion", Field(await anonymous.RunAsync("SuggestChange", new { input = new { serviceId = id, baseVersion = 99, changes = new { name = "x" } } })));
        Assert.Equal("input.changes", Field(await anonymous.RunAsync("SuggestChange", new { input = new { serviceId = id, baseVersion = 1, changes = new { } } })));
        Assert.Equal("input.changes.url", Field(await anonymous.RunAsync("SuggestChange", new { input = new { serviceId = id, baseVersion = 1, changes = new { url = "ftp://x" } } })));
        Assert.Equal("input.changes.minimumAge", Field(await anonymous.RunAsync("SuggestChange", new { input = new { serviceId = id, baseVersion = 1, changes = new { minimumAge = 40, maximumAge = 30 } } })));
        Assert.Equal("input.message", Field(await anonymous.RunAsync("ReportProblem", new { input = new { serviceId = id, topic = "CLOSED", message = " " } })));
        Assert.Equal("input.message", Field(await anonymous.RunAsync("ReportProblem", new { input = new { serviceId = id, topic = "CLOSED", message = new string('x', 2_001) } })));

        var unknown = await anonymous.RunAsync("ReportProblem", new { input = new { serviceId = Guid.NewGuid(), topic = "CLOSED", message = "Gone" } });
        Assert.Equal("NOT_FOUND", unknown.ErrorCode);
        var badTopic = await anonymous.RunAsync("ReportProblem", new { input = new { serviceId = id, topic = "RUDE", message = "Gone" } });
        Assert.Equal("BAD_USER_INPUT", badTopic.ErrorCode);
        Assert.Contains("topic", badTopic.Error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task HostileStringsAreStoredVerbatimAndReturnedAsData()
    {
        const string hostileName = "<script>alert('x')</script> Robert'); DROP TABLE services;-- ☃ \u202Eevil\u202C 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301";
        var hostileDescription = string.Concat(Enumerable.Repeat("\"><img src=x onerror=alert(1)> ' OR 1=1 -- ", 80));
        var input = Listings.KnitAndNatter(hostileName).With("description", hostileDescription).With("eligibilityDescription", "NEAR(\"a\" \"b\") * AND OR");
        var receipt = (await api.Anonymous().RunAsync("SubmitListing", new { input })).DataOrFail()["submitListing"]!;
        var moderator = await api.ClientAsync("maya");
        var item = await QueueItemAsync(moderator, receipt["reference"]!.GetValue<string>());
        Assert.Contains(item["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "name" && c["proposed"]!.GetValue<string>() == hostileName);

        var approved = (await moderator.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>() } })).DataOrFail();
        var service = (await api.Anonymous().RunAsync("ServiceVersion", new { id = approved["approveSubmission"]!["service"]!["id"]!.GetValue<string>() })).DataOrFail()["service"]!;

        Assert.Equal(hostileName, service["name"]!.GetValue<string>());
        Assert.Equal(hostileDescription, service["description"]!.GetValue<string>());
        Assert.Equal("NEAR(\"a\" \"b\") * AND OR", service["eligibilityDescription"]!.GetValue<string>());
        Assert.True(await TextMatchesAsync(api.Anonymous(), "Robert") >= 1, "the text index still works and finds it");
        Assert.True((await api.Anonymous().RunAsync("ServiceIds", new { near = NearSidford, radiusKm = 50.0, first = 100 })).DataOrFail()["services"]!["totalCount"]!.GetValue<int>() > 50);
    }

    private static string? Field(GraphQLResponse response) =>
        response.ErrorCode == "BAD_USER_INPUT" ? response.Error["extensions"]!["field"]!.GetValue<string>() : $"(no field: {response})";

    private async Task<int> PendingCountAsync()
    {
        var moderator = await api.ClientAsync("ada");
        return (await moderator.RunAsync("ModerationQueue", new { })).DataOrFail()["moderationQueue"]!.AsArray().Count;
    }

    public static async Task<JsonNode> QueueItemAsync(GraphQLClient moderator, string reference, string? status = null) =>
        (await moderator.RunAsync("ModerationQueue", new { status })).DataOrFail()["moderationQueue"]!.AsArray()
            .Single(i => i!["reference"]!.GetValue<string>() == reference)!;

    public static async Task<string> SomeSeedServiceIdAsync(GraphQLClient client, int index = 0) =>
        (await client.RunAsync("ServiceIds", new { near = NearSidford, radiusKm = 5.0, first = 20 })).DataOrFail()["services"]!["edges"]![index]!["node"]!["id"]!.GetValue<string>();

    private static async Task<List<string>> NamesNearSidfordAsync(GraphQLClient client) =>
        (await client.RunAsync("NearMe", new { near = NearSidford, radiusKm = 3.0, first = 100 })).DataOrFail()["services"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!["name"]!.GetValue<string>()).ToList();

    private static async Task<int> TextMatchesAsync(GraphQLClient client, string text) =>
        (await client.PostAsync("query($text: String!) { services(text: $text) { totalCount } }", new { text })).DataOrFail()["services"]!["totalCount"]!.GetValue<int>();
}
