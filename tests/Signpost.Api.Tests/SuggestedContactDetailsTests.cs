using System.Text.Json.Nodes;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>What people report most: a new phone number, address, website or opening times, suggested and approved.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class SuggestedContactDetailsTests(ModeratedDirectoryFactory api)
{
    // Branscombe community café: one place of its own, so moving it disturbs no other listing.
    private const string BranscombeCafe = "a97a70af-96ed-5aa9-8fa3-bb618334ece2";
    // The shopper bus and door-to-door transport share one pick-up point in Ilkeston.
    private const string ShopperBus = "c5f0a057-2e85-5895-af23-e9c0d202c7cb";
    private const string DoorToDoor = "ec54b741-3960-52f6-8c1a-be45c45bd05f";
    // Sidbury village lunch: left unchanged by these tests.
    private const string SidburyLunch = "5ca81393-2f67-5150-8f33-dd17ff820c50";

    [Fact]
    public async Task APhoneAddressWebsiteAndOpeningTimesReachTheQueueAsADiffAndApprovingAppliesThemWithTheAudit()
    {
        var before = await DetailsAsync(BranscombeCafe);
        var version = before["version"]!.GetValue<int>();
        var receipt = await SuggestAsync(BranscombeCafe, version, new
        {
            phone = "01297 680999",
            url = "https://branscombe-cafe.example.org/",
            address = new { address1 = "The Old Bakery, Main Street", city = "Beer", postcode = "ex12 3dd" },
            openingTimes = "Fridays 10am to 12 noon, not in August",
        });
        var maya = await api.ClientAsync("maya");

        var item = await SubmissionTests.QueueItemAsync(maya, receipt);
        var diff = item["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>());
        Assert.Equal(["address.address1", "address.address2", "address.city", "address.postcode", "openingTimes", "phone", "url"], diff.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before["phones"]![0]!["number"]!.GetValue<string>(), diff["phone"]!["current"]!.GetValue<string>());
        Assert.Equal("01297 680999", diff["phone"]!["proposed"]!.GetValue<string>());
        Assert.Equal(before["locations"]![0]!["address"]!["postalCode"]!.GetValue<string>(), diff["address.postcode"]!["current"]!.GetValue<string>());
        Assert.Equal("EX12 3DD", diff["address.postcode"]!["proposed"]!.GetValue<string>()); // in its usual form
        Assert.Equal(before["schedules"]![0]!["text"]!.GetValue<string>(), diff["openingTimes"]!["current"]!.GetValue<string>());

        (await maya.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>(), expectedVersion = version } })).DataOrFail();

        var after = await DetailsAsync(BranscombeCafe);
        Assert.Equal(version + 1, after["version"]!.GetValue<int>());
        Assert.Equal("01297 680999", after["phones"]![0]!["number"]!.GetValue<string>());
        Assert.Equal("https://branscombe-cafe.example.org/", after["url"]!.GetValue<string>());
        var address = after["locations"]![0]!["address"]!;
        Assert.Equal("The Old Bakery, Main Street", address["address1"]!.GetValue<string>());
        Assert.Null(address["address2"]);
        Assert.Equal("Beer", address["city"]!.GetValue<string>());
        Assert.Equal("EX12 3DD", address["postalCode"]!.GetValue<string>());
        var schedule = Assert.Single(after["schedules"]!.AsArray())!;
        Assert.Equal("Fridays 10am to 12 noon, not in August", schedule["text"]!.GetValue<string>());
        Assert.Null(schedule["freq"]);
        // The place moved to its new postcode's district: it is found near Beer, not at the old hall.
        Assert.NotEqual(before["locations"]![0]!["latitude"]!.GetValue<double>(), after["locations"]![0]!["latitude"]!.GetValue<double>());

        var entry = (await maya.RunAsync("ServiceHistory", new { id = BranscombeCafe })).DataOrFail()["service"]!["history"]![0]!;
        Assert.Equal("maya", entry["actor"]!.GetValue<string>());
        var audited = entry["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>());
        Assert.Equal("01297 680999", audited["phone"]!["newValue"]!.GetValue<string>());
        Assert.Equal(before["phones"]![0]!["number"]!.GetValue<string>(), audited["phone"]!["oldValue"]!.GetValue<string>());
        Assert.Equal("EX12 3DD", audited["address.postcode"]!["newValue"]!.GetValue<string>());
        Assert.True(audited.ContainsKey("address.location"), "moving the place is audited too");
        Assert.Equal("https://branscombe-cafe.example.org/", audited["url"]!["newValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task ANewAddressForOneListingAtASharedPlaceGivesItAPlaceOfItsOwnAndLeavesTheOthersWhereTheyWere()
    {
        var neighbourBefore = await DetailsAsync(DoorToDoor);
        var before = await DetailsAsync(ShopperBus);
        var version = before["version"]!.GetValue<int>();
        var receipt = await SuggestAsync(ShopperBus, version, new
        {
            address = new { address1 = "Bus stop B, Bath Street", city = "Ilkeston", postcode = "DE7 8AH" },
        });
        var maya = await api.ClientAsync("maya");
        var item = await SubmissionTests.QueueItemAsync(maya, receipt);

        (await maya.RunAsync("ApproveSubmission", new { input = new { id = item["id"]!.GetValue<string>(), expectedVersion = version } })).DataOrFail();

        var place = (await DetailsAsync(ShopperBus))["locations"]![0]!;
        Assert.Equal("Ilkeston Market Place pick-up point", place["name"]!.GetValue<string>());
        Assert.Equal("Bus stop B, Bath Street", place["address"]!["address1"]!.GetValue<string>());
        Assert.Equal("DE7 8AH", place["address"]!["postalCode"]!.GetValue<string>());
        Assert.Equal(neighbourBefore.ToJsonString(), (await DetailsAsync(DoorToDoor)).ToJsonString());

        var entry = (await maya.RunAsync("ServiceHistory", new { id = ShopperBus })).DataOrFail()["service"]!["history"]![0]!;
        var audited = entry["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>());
        Assert.Equal("Ilkeston Market Place pick-up point (shared with 1 other listing)", audited["address.place"]!["oldValue"]!.GetValue<string>());
        Assert.Equal("Town Hall, Wharncliffe Road", audited["address.address1"]!["oldValue"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("phone", "input.changes.phone")]
    [InlineData("postcode", "input.changes.address.postcode")]
    [InlineData("no city", "input.changes.address.city")]
    [InlineData("long times", "input.changes.openingTimes")]
    [InlineData("website", "input.changes.url")]
    public async Task ABadSuggestedContactDetailIsRefusedNamingItsFieldAndNothingIsQueued(string bad, string field)
    {
        object changes = bad switch
        {
            "phone" => new { phone = "call the office" },
            "postcode" => new { address = new { address1 = "1 High Street", city = "Sidbury", postcode = "EX10" } },
            "no city" => new { address = new { address1 = "1 High Street", city = " ", postcode = "EX10 0QQ" } },
            "long times" => new { openingTimes = new string('x', 501) },
            _ => new { url = "javascript:alert(1)" },
        };
        var maya = await api.ClientAsync("maya");
        var queued = await QueuedForAsync(maya, SidburyLunch);

        var result = await api.Anonymous().RunAsync("SuggestChange", new { input = new { serviceId = SidburyLunch, baseVersion = 1, changes } });

        Assert.Equal("BAD_USER_INPUT", result.ErrorCode);
        Assert.Equal(field, result.Error["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(queued, await QueuedForAsync(maya, SidburyLunch));
    }

    private async Task<JsonNode> DetailsAsync(string id) => (await api.Anonymous().RunAsync("ServiceContactDetails", new { id })).DataOrFail()["service"]!;

    private async Task<string> SuggestAsync(string serviceId, int baseVersion, object changes) =>
        (await api.Anonymous().RunAsync("SuggestChange", new { input = new { serviceId, baseVersion, changes } }))
            .DataOrFail()["suggestChange"]!["reference"]!.GetValue<string>();

    private static async Task<int> QueuedForAsync(GraphQLClient moderator, string serviceId) =>
        (await moderator.RunAsync("ModerationQueue", new { serviceId })).DataOrFail()["moderationQueue"]!.AsArray().Count;
}
