using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Signpost.Data;
using Signpost.Services;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// "Claim this listing": a claim waits in the queue, approving it emails a link to choose a
/// password, and the provider then changes their own organisation's listings, live and audited,
/// and nothing of any other organisation.
/// </summary>
public sealed partial class ProviderClaimTests(ModeratedDirectoryFactory api) : IClassFixture<ModeratedDirectoryFactory>
{
    [Fact]
    public async Task AClaimNeedsTheClaimantsNameAndAWorkingEmailAddressAndNamesTheFieldThatIsWrong()
    {
        var (own, _) = await TwoOrganisationsAsync(0);
        var anonymous = api.Anonymous();

        var noName = await anonymous.RunAsync("ClaimListing", new { input = new { serviceId = own.ServiceId, name = " ", email = "jo@example.org" } });
        var badEmail = await anonymous.RunAsync("ClaimListing", new { input = new { serviceId = own.ServiceId, name = "Jo", email = "jo at example" } });
        var noService = await anonymous.RunAsync("ClaimListing", new { input = new { serviceId = Guid.NewGuid().ToString(), name = "Jo", email = "jo@example.org" } });

        Assert.Equal("input.name", noName.Error["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal("input.email", badEmail.Error["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal("input.serviceId", noService.Error["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnApprovedClaimEmailsALinkThatSetsAPasswordOnceAndTheProviderThenSeesOnlyTheirOrganisationsListings()
    {
        var (own, other) = await TwoOrganisationsAsync(1);
        var email = $"{Guid.NewGuid():N}@hospice.example.org";
        var claim = await ClaimAsync(own.ServiceId, "Jo Bloggs", email, message: "Call the office and ask for <b>Jo</b>.");

        var moderator = await ConsoleBrowser.SignedInAsync(api, "Claim Checker");
        var page = await moderator.HtmlAsync($"/moderate/submissions/{claim}");
        Assert.Contains($"Every listing of {WebUtility.HtmlEncode(own.OrganisationName)}", page);
        Assert.Contains("Call the office and ask for &lt;b&gt;Jo&lt;/b&gt;.", page);
        var approved = await moderator.SubmitAsync($"/moderate/submissions/{claim}", new() { ["expectedVersion"] = ConsoleBrowser.Hidden(page, "expectedVersion") }, $"/moderate/submissions/{claim}?handler=Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var mail = Assert.Single(Mailbox.To(api.MailFolder, email));
        Assert.Contains(own.OrganisationName, mail.Subject);
        var link = Mailbox.PasswordLink(mail);

        var provider = new ConsoleBrowser(api);
        var mismatch = await provider.SubmitAsync(link, new() { ["Password"] = "Correct horse 42", ["Confirm"] = "Correct horse 43" }, link);
        Assert.Contains("The two passwords are not the same", await mismatch.Content.ReadAsStringAsync());
        var saved = await provider.SubmitAsync(link, new() { ["Password"] = "Correct horse 42", ["Confirm"] = "Correct horse 42" }, link);
        Assert.Equal("/moderate/sign-in?password=saved", saved.Headers.Location!.OriginalString);
        Assert.Contains("This link has expired or has already been used.", await provider.HtmlAsync(link));

        Assert.Equal(HttpStatusCode.Redirect, (await provider.SignInAsync(email, "Correct horse 42")).StatusCode);
        var start = await provider.GetAsync("/moderate");
        Assert.Equal("/moderate/provider", start.Headers.Location!.OriginalString);
        var listings = await provider.HtmlAsync("/moderate/provider");
        Assert.Contains($"href=\"/moderate/provider/{own.ServiceId}\"", listings);
        Assert.DoesNotContain(other.ServiceId, listings);
        Assert.Equal("/moderate/denied", (await provider.GetAsync("/moderate/listings")).Headers.Location!.AbsolutePath);
        Assert.Equal("/moderate/denied", (await provider.GetAsync($"/moderate/submissions/{claim}")).Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task AProvidersEditGoesLiveAtOnceUnderTheirNameAndAModeratorCanUndoIt()
    {
        var (own, _) = await TwoOrganisationsAsync(2);
        var provider = await ProviderAsync(own.ServiceId, "Sam Provider");
        var path = $"/moderate/provider/{own.ServiceId}";
        var form = await provider.HtmlAsync(path);
        var fields = FormValues(form);
        var before = fields["alert"];
        fields["alert"] = "Closed on <i>Boxing Day</i>";
        fields["url"] = "not a web address";

        var refused = await (await provider.SubmitAsync(path, fields)).Content.ReadAsStringAsync();
        Assert.Contains("Nothing was saved: correct the fields below.", refused);
        Assert.Contains("id=\"f-url-error\">Website must be a web address starting with https:// or http://", refused);

        fields["url"] = FormValues(form)["url"];
        var saved = await provider.SubmitAsync(path, fields);
        Assert.Equal("/moderate/provider?done=saved", saved.Headers.Location!.OriginalString);

        var service = (await (await api.ClientAsync("maya")).RunAsync("ServiceHistory", new { id = own.ServiceId })).DataOrFail()["service"]!;
        var entry = service["history"]![0]!;
        Assert.Equal("Sam Provider (provider)", entry["actor"]!.GetValue<string>());
        Assert.Equal("updated", entry["action"]!.GetValue<string>());
        Assert.Equal("2026-11-24", service["lastVerified"]!.GetValue<string>());
        Assert.Contains(entry["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "alert" && c["newValue"]!.GetValue<string>() == "Closed on <i>Boxing Day</i>");

        var moderator = await ConsoleBrowser.SignedInAsync(api, "Undo Moderator");
        var listing = await moderator.HtmlAsync($"/moderate/listings/{own.ServiceId}");
        Assert.Contains("Sam Provider &lt;", listing);
        Assert.Contains("Closed on &lt;i&gt;Boxing Day&lt;/i&gt;", listing);
        var entryId = EntryToUndo().Match(listing).Groups[1].Value;
        var undone = await moderator.SubmitAsync($"/moderate/listings/{own.ServiceId}",
            new() { ["change"] = entryId, ["expectedVersion"] = ConsoleBrowser.Hidden(listing, "expectedVersion") }, $"/moderate/listings/{own.ServiceId}?handler=Revert");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);

        var after = (await (await api.ClientAsync("maya")).RunAsync("ServiceHistory", new { id = own.ServiceId })).DataOrFail()["service"]!["history"]![0]!;
        Assert.Equal("reverted", after["action"]!.GetValue<string>());
        Assert.Equal("Undo Moderator", after["actor"]!.GetValue<string>());
        Assert.Equal(string.IsNullOrEmpty(before) ? null : before, await AlertAsync(own.ServiceId));
    }

    [Fact]
    public async Task AProviderCanNeitherOpenNorChangeNorConfirmAnotherOrganisationsListing()
    {
        var (own, other) = await TwoOrganisationsAsync(3);
        var provider = await ProviderAsync(own.ServiceId, "Nosy Provider");
        var versionBefore = await VersionAsync(other.ServiceId);

        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/moderate/provider/{other.ServiceId}")).StatusCode);
        // A form copied from their own listing, posted at another's: not found, nothing changed.
        var ownForm = FormValues(await provider.HtmlAsync($"/moderate/provider/{own.ServiceId}"));
        ownForm["name"] = "Taken over";
        ownForm["expectedVersion"] = versionBefore.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var edit = await provider.SubmitAsync($"/moderate/provider/{own.ServiceId}", ownForm, $"/moderate/provider/{other.ServiceId}");
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        var verify = await provider.SubmitAsync("/moderate/provider", new() { ["id"] = other.ServiceId, ["expectedVersion"] = versionBefore.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/moderate/provider?handler=Verify");
        Assert.Contains("you can change only your own organisation&#x27;s listings", await verify.Content.ReadAsStringAsync());
        // The moderators' own pages and actions are closed to a provider.
        var moderate = await provider.SubmitAsync("/moderate/provider", new() { ["expectedVersion"] = versionBefore.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/moderate/listings/{other.ServiceId}?handler=Archive");
        Assert.Equal("/moderate/denied", moderate.Headers.Location!.AbsolutePath);

        Assert.Equal(versionBefore, await VersionAsync(other.ServiceId));
    }

    [Fact]
    public async Task AClaimForAModeratorsAddressIsRefusedWithTheReasonAndChangesNothing()
    {
        var (own, _) = await TwoOrganisationsAsync(4);
        var (moderatorEmail, _) = await ConsoleBrowser.NewAccountAsync(api, "Already Moderator");
        var claim = await ClaimAsync(own.ServiceId, "Already Moderator", moderatorEmail);

        var moderator = await ConsoleBrowser.SignedInAsync(api, "Careful Moderator");
        var page = await moderator.HtmlAsync($"/moderate/submissions/{claim}");
        var refused = await moderator.SubmitAsync($"/moderate/submissions/{claim}", new() { ["expectedVersion"] = ConsoleBrowser.Hidden(page, "expectedVersion") }, $"/moderate/submissions/{claim}?handler=Approve");

        Assert.Contains("already signs in as a moderator", await refused.Content.ReadAsStringAsync());
        using var scope = api.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Set<ModeratorAccount>().SingleAsync(a => a.Email == moderatorEmail);
        Assert.Equal(ApiKeyRole.Moderator, account.Role);
        Assert.Null(account.OrganizationId);
    }

    [Fact]
    public async Task ForgottenPasswordLinksGoOnlyToRealAccountsAtMostOnceInFiveMinutesAndSayTheSameEitherWay()
    {
        var (email, _) = await ConsoleBrowser.NewAccountAsync(api, "Forgetful Moderator");
        var browser = new ConsoleBrowser(api);

        var known = await (await browser.SubmitAsync("/moderate/forgot-password", new() { ["Email"] = email })).Content.ReadAsStringAsync();
        var again = await (await browser.SubmitAsync("/moderate/forgot-password", new() { ["Email"] = email })).Content.ReadAsStringAsync();
        var unknown = await (await browser.SubmitAsync("/moderate/forgot-password", new() { ["Email"] = "nobody@example.org" })).Content.ReadAsStringAsync();

        Assert.Contains("If that address has an account, we have emailed it a link", known);
        Assert.Contains("If that address has an account, we have emailed it a link", unknown);
        Assert.Contains("If that address has an account, we have emailed it a link", again);
        Assert.Single(Mailbox.To(api.MailFolder, email));
        Assert.Empty(Mailbox.To(api.MailFolder, "nobody@example.org"));
    }

    [Fact]
    public async Task UndoingAChangeWhoseFieldChangedAgainSinceIsRefusedOverGraphQLAndChangesNothing()
    {
        var (own, _) = await TwoOrganisationsAsync(6);
        var provider = await ProviderAsync(own.ServiceId, "Twice Provider");
        var path = $"/moderate/provider/{own.ServiceId}";
        foreach (var alert in new[] { "First notice", "Second notice" })
        {
            var fields = FormValues(await provider.HtmlAsync(path));
            fields["alert"] = alert;
            Assert.Equal(HttpStatusCode.Redirect, (await provider.SubmitAsync(path, fields)).StatusCode);
        }

        var maya = await api.ClientAsync("maya");
        var history = (await maya.RunAsync("ServiceHistory", new { id = own.ServiceId })).DataOrFail()["service"]!;
        var first = history["history"]!.AsArray().Last(e => e!["action"]!.GetValue<string>() == "updated")!["version"]!.GetValue<int>();
        var revert = "mutation($input: RevertChangeInput!) { revertChange(input: $input) { service { version } } }";

        var refused = await maya.PostAsync(revert, new { input = new { serviceId = own.ServiceId, version = first } });
        var forbidden = await (await api.ClientAsync("nia")).PostAsync(revert, new { input = new { serviceId = own.ServiceId, version = first } });

        Assert.Equal("CONFLICT", refused.Error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("alert has changed again since", refused.Error["message"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", forbidden.Error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("Second notice", await AlertAsync(own.ServiceId));
        Assert.Equal(history["version"]!.GetValue<int>(), await VersionAsync(own.ServiceId));
    }

    private sealed record Listed(string ServiceId, string OrganisationName);

    /// <summary>A service of an organisation no other test here claims, and one of another organisation.</summary>
    private async Task<(Listed Own, Listed Other)> TwoOrganisationsAsync(int pair)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var organisations = await db.Organizations.OrderBy(o => o.Id).Where(o => db.Services.Any(s => s.OrganizationId == o.Id && s.Status == ServiceStatus.Active))
            .Select(o => new { o.Name, Service = db.Services.Where(s => s.OrganizationId == o.Id && s.Status == ServiceStatus.Active).OrderBy(s => s.Id).Select(s => s.Id).First() })
            .Take(40).ToListAsync();
        // Each test takes its own pair, so tests running together never share a listing.
        var (own, other) = (organisations[pair * 2], organisations[(pair * 2) + 1]);
        return (new Listed(own.Service.ToString(), own.Name), new Listed(other.Service.ToString(), other.Name));
    }

    /// <summary>A claim sent through GraphQL, as the site's form sends it; returns its id in the queue.</summary>
    private async Task<string> ClaimAsync(string serviceId, string name, string email, string? message = null)
    {
        var receipt = (await api.Anonymous().RunAsync("ClaimListing", new { input = new { serviceId, name, email, jobTitle = "Manager", message } })).DataOrFail()["claimListing"]!;
        var item = await SubmissionTests.QueueItemAsync(await api.ClientAsync("maya"), receipt["reference"]!.GetValue<string>());
        Assert.Equal("CLAIM", item["kind"]!.GetValue<string>());
        return item["id"]!.GetValue<string>();
    }

    /// <summary>A browser signed in as the provider of the organisation running <paramref name="serviceId"/>, by the whole claim path.</summary>
    private async Task<ConsoleBrowser> ProviderAsync(string serviceId, string name)
    {
        var email = $"{Guid.NewGuid():N}@provider.example.org";
        var claim = await ClaimAsync(serviceId, name, email);
        (await (await api.ClientAsync("maya")).RunAsync("ApproveSubmission", new { input = new { id = claim } })).DataOrFail();
        var link = Mailbox.PasswordLink(Assert.Single(Mailbox.To(api.MailFolder, email)));
        var provider = new ConsoleBrowser(api);
        Assert.Equal(HttpStatusCode.Redirect, (await provider.SubmitAsync(link, new() { ["Password"] = "Provider pass 2026", ["Confirm"] = "Provider pass 2026" }, link)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await provider.SignInAsync(email, "Provider pass 2026")).StatusCode);
        return provider;
    }

    private async Task<int> VersionAsync(string serviceId) =>
        (await (await api.ClientAsync("maya")).RunAsync("ServiceHistory", new { id = serviceId })).DataOrFail()["service"]!["version"]!.GetValue<int>();

    private async Task<string?> AlertAsync(string serviceId)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Services.Where(s => s.Id == Guid.Parse(serviceId)).Select(s => s.Alert).SingleAsync();
    }

    /// <summary>Every named input and textarea of a form, with its value as the page shows it.</summary>
    private static Dictionary<string, string> FormValues(string html)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputField().Matches(html))
        {
            values[WebUtility.HtmlDecode(input.Groups["name"].Value)] = WebUtility.HtmlDecode(input.Groups["value"].Value);
        }

        foreach (Match area in TextareaField().Matches(html))
        {
            values[WebUtility.HtmlDecode(area.Groups["name"].Value)] = WebUtility.HtmlDecode(area.Groups["value"].Value);
        }

        values.Remove("__RequestVerificationToken");
        return values;
    }

    [GeneratedRegex(""""<input[^>]*\bname="(?<name>[^"]+)"[^>]*\bvalue="(?<value>[^"]*)"""")]
    private static partial Regex InputField();

    [GeneratedRegex("""<textarea[^>]*\bname="(?<name>[^"]+)"[^>]*>(?<value>[^<]*)</textarea>""")]
    private static partial Regex TextareaField();

    [GeneratedRegex(""""name="change" value="(\d+)"""")]
    private static partial Regex EntryToUndo();
}
