using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Signpost.Reminders;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Providers are asked at 10, 11 and 12 months whether their listing is still correct, and answer with one click.</summary>
public sealed class ReviewReminderTests : IDisposable
{
    private readonly InProcessSmtpServer _smtp = new();
    private readonly ReminderDirectoryFactory _api;

    public ReviewReminderTests() => _api = new ReminderDirectoryFactory(_smtp);

    public void Dispose()
    {
        _api.Dispose();
        _smtp.Dispose();
    }

    [Fact]
    public async Task AListingTenMonthsUnverifiedGetsOneReminderRunningAgainSendsNothingMoreAndAtElevenMonthsTheNextOne()
    {
        var (stale, fresh) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(stale, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"), new Listing(fresh, _api.Today.AddMonths(-8), "team@fresh.example.org"));

        var first = await _api.SendAsync();
        var again = await _api.SendAsync();

        var message = Assert.Single(_smtp.Messages);
        Assert.Equal("hello@tea-and-talk.example.org", message.To.Mailboxes.Single().Address);
        Assert.Single(first.Sent);
        Assert.Empty(again.Sent);
        var reminder = Assert.Single(await _api.RemindersAsync());
        Assert.Equal((stale, 10, ReminderState.Sent, "hello@tea-and-talk.example.org"), (reminder.ServiceId, reminder.ThresholdMonths, reminder.State, reminder.Recipient));
        Assert.Equal(DirectoryApiFactory.Now, reminder.SentAt);

        _api.Clock.MoveTo(DirectoryApiFactory.Now.AddMonths(1));
        var next = await _api.SendAsync();

        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Equal(11, Assert.Single(next.Sent).Listing.ThresholdMonths); // the fresher listing is at 9 months: not yet due
        Assert.Equal([10, 11], (await _api.RemindersAsync()).Where(r => r.ServiceId == stale).Select(r => r.ThresholdMonths));
    }

    [Fact]
    public async Task AClaimedListingsReminderGoesToItsProviderRatherThanTheServicesOwnAddress()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"));
        var claim = (await _api.Anonymous().RunAsync("ClaimListing", new { input = new { serviceId = listing.ToString(), name = "Pat Provider", email = "pat@tea-and-talk.example.org" } }))
            .DataOrFail()["claimListing"]!["reference"]!.GetValue<string>();
        var maya = await _api.ClientAsync("maya");
        var id = (await SubmissionTests.QueueItemAsync(maya, claim))["id"]!.GetValue<string>();
        (await maya.RunAsync("ApproveSubmission", new { input = new { id } })).DataOrFail();

        await _api.SendAsync();

        var reminder = Assert.Single(_smtp.Messages, m => m.Subject != null && !m.Subject.Contains("listings up to date", StringComparison.Ordinal));
        Assert.Equal("pat@tea-and-talk.example.org", reminder.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task VerifiedListingsGetNoReminderAndAListingVerifiedAgainStartsOver()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"));
        await _api.SendAsync();
        Assert.Single(_smtp.Messages);

        var maya = await _api.ClientAsync("maya");
        (await maya.RunAsync("ModerateService", new { input = new { serviceId = listing } }, "Verify")).DataOrFail();
        Assert.Empty((await _api.SendAsync()).Sent);

        _api.Clock.MoveTo(DirectoryApiFactory.Now.AddMonths(10)); // every listing verified today is due too now
        var report = await _api.SendAsync();

        var again = Assert.Single(report.Sent, s => s.Listing.ServiceId == listing).Listing;
        Assert.Equal((10, DateOnly.FromDateTime(DirectoryApiFactory.Now.UtcDateTime)), (again.ThresholdMonths, again.LastVerified));
        Assert.Equal([10, 10], (await _api.RemindersAsync()).Where(r => r.ServiceId == listing).Select(r => r.ThresholdMonths));
    }

    [Fact]
    public async Task AReminderASenderClaimedButNeverSentGoesOnTheNextRunAfterAnHour()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"));
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Signpost.Data.DirectoryDbContext>();
            db.ReviewReminders.Add(new ReviewReminder { ServiceId = listing, VerifiedOn = _api.Today.AddMonths(-10), ThresholdMonths = 10, Recipient = "hello@tea-and-talk.example.org", State = ReminderState.Sending, ClaimedAt = DirectoryApiFactory.Now.AddMinutes(-30) });
            await db.SaveChangesAsync();
        }

        Assert.Empty((await _api.SendAsync()).Sent); // it may still be on its way
        _api.Clock.MoveTo(DirectoryApiFactory.Now.AddMinutes(31));
        var report = await _api.SendAsync();

        Assert.Equal(listing, Assert.Single(report.Sent).Listing.ServiceId);
        Assert.Single(_smtp.Messages);
        Assert.Equal(ReminderState.Sent, Assert.Single(await _api.RemindersAsync()).State);
    }

    [Fact]
    public async Task AListingWithoutAnEmailGetsNoReminderAndIsReported()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), Email: null));

        var report = await _api.SendAsync();
        var again = await _api.SendAsync();

        Assert.Empty(_smtp.Messages);
        Assert.Equal(listing, Assert.Single(report.NoRecipient).Listing.ServiceId);
        Assert.Empty(again.NoRecipient); // reported once per threshold, not every day
        Assert.Equal(ReminderState.NoRecipient, Assert.Single(await _api.RemindersAsync()).State);
        Assert.Contains(_api.Logs.Entries, e => e.Message.Contains("has no email address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheEmailArrivesByRealSmtpWithBothLinksTheServiceNameHtmlEncodedAndTheDateLastChecked()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, new DateOnly(2026, 1, 20), "hello@tea-and-talk.example.org", Name: "Tea & <b>Talk</b>"));

        await _api.SendAsync();

        var message = Assert.Single(_smtp.Messages);
        Assert.Equal("Signpost", message.From.Mailboxes.Single().Name);
        Assert.Contains("Tea & <b>Talk</b>", message.Subject);
        Assert.Contains("\"Tea & <b>Talk</b>\" is listed on Signpost", message.TextBody);
        Assert.Contains("We last checked it with you on 20 January 2026.", message.TextBody);
        Assert.Contains($"http://localhost/reminders/{listing}/still-correct?token=", message.TextBody);
        Assert.Contains($"http://localhost/reminders/{listing}/something-changed?token=", message.TextBody);
        Assert.Contains("Tea &amp; &lt;b&gt;Talk&lt;/b&gt;", message.HtmlBody);
        Assert.DoesNotContain("<b>Talk", message.HtmlBody);
        Assert.Contains($"href=\"http://localhost/reminders/{listing}/still-correct?token=", message.HtmlBody);
        Assert.Contains($"href=\"http://localhost/reminders/{listing}/something-changed?token=", message.HtmlBody);
    }

    [Fact]
    public async Task StillCorrectShowsAConfirmationOnGetAndOnlyThePostVerifiesAuditedAsTheReminderLink()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org", Name: "Tea & <b>Talk</b>"));
        await _api.SendAsync();
        var link = StillCorrectLink(Assert.Single(_smtp.Messages));
        var maya = await _api.ClientAsync("maya");
        var before = (await maya.RunAsync("ServiceHistory", new { id = listing })).DataOrFail()["service"]!;

        using var browser = _api.Browser();
        var page = await browser.GetAsync(link);
        var confirmation = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Is the listing still correct?", confirmation);
        Assert.Contains("Tea &amp; &lt;b&gt;Talk&lt;/b&gt;", confirmation);
        Assert.Contains("<button type=\"submit\">Yes, it is still correct</button>", confirmation);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var unchanged = (await maya.RunAsync("ServiceHistory", new { id = listing })).DataOrFail()["service"]!;
        Assert.Equal(before["version"]!.GetValue<int>(), unchanged["version"]!.GetValue<int>()); // a mail scanner fetching the link changes nothing

        var answer = await ConfirmAsync(browser, link);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("We have recorded that the listing for <strong>Tea &amp; &lt;b&gt;Talk&lt;/b&gt;</strong> is still correct, as of 24 November 2026.", await answer.Content.ReadAsStringAsync());
        var after = (await maya.RunAsync("ServiceHistory", new { id = listing })).DataOrFail()["service"]!;
        Assert.Equal("2026-11-24", after["lastVerified"]!.GetValue<string>());
        Assert.Equal(before["version"]!.GetValue<int>() + 1, after["version"]!.GetValue<int>());
        var entry = after["history"]![0]!;
        Assert.Equal("provider (reminder link)", entry["actor"]!.GetValue<string>());
        Assert.Equal("verified", entry["action"]!.GetValue<string>());
        Assert.Equal(DirectoryApiFactory.Now, Assert.Single(await _api.RemindersAsync()).ConfirmedAt);
    }

    [Fact]
    public async Task TheSameStillCorrectLinkASecondTimeChangesNothingAndSaysSo()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"));
        await _api.SendAsync();
        var link = StillCorrectLink(Assert.Single(_smtp.Messages));
        using var browser = _api.Browser();
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(browser, link)).StatusCode);
        var maya = await _api.ClientAsync("maya");
        var version = (await maya.RunAsync("ServiceHistory", new { id = listing })).DataOrFail()["service"]!["version"]!.GetValue<int>();

        var second = await ConfirmAsync(browser, link);
        var shown = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("This link has already been used", await second.Content.ReadAsStringAsync());
        Assert.Contains("This link has already been used", await shown.Content.ReadAsStringAsync());
        var after = (await maya.RunAsync("ServiceHistory", new { id = listing })).DataOrFail()["service"]!;
        Assert.Equal(version, after["version"]!.GetValue<int>());
        Assert.Single(after["history"]!.AsArray(), e => e!["actor"]!.GetValue<string>() == "provider (reminder link)");
    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedWithAClearPageAndChangesNothing()
    {
        var (listing, _) = await TwoListingsAsync();
        var verifiedOn = _api.Today.AddMonths(-10);
        await _api.ListingsAsync(new Listing(listing, verifiedOn, "hello@tea-and-talk.example.org"));
        await _api.SendAsync();
        var link = StillCorrectLink(Assert.Single(_smtp.Messages));
        _api.Clock.MoveTo(DirectoryApiFactory.Now.AddDays(30));
        using var browser = _api.Browser();

        var shown = await browser.GetAsync(link);
        var posted = await ConfirmAsync(browser, link);

        Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains("This link has expired", page);
        Assert.Contains("Nothing has been changed.", page);
        Assert.DoesNotContain("Exception", page);
        Assert.Null(Assert.Single(await _api.RemindersAsync()).ConfirmedAt);
        Assert.Equal(verifiedOn, await LastVerifiedAsync(listing));
    }

    [Fact]
    public async Task ATamperedLinkOrOneForAnotherListingIsRefusedWithAClearPageAndChangesNothing()
    {
        var (listing, other) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"));
        await _api.SendAsync();
        var link = StillCorrectLink(Assert.Single(_smtp.Messages));
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var tampered = link[..^3] + (link[^3] == 'A' ? "BBB" : "AAA");
        var otherListing = $"/reminders/{other}/still-correct?token={token}";
        using var browser = _api.Browser();

        foreach (var bad in new[] { tampered, otherListing, $"/reminders/{listing}/still-correct", $"/reminders/{listing}/still-correct?token=%3Cscript%3E" })
        {
            var shown = await browser.GetAsync(bad);
            var posted = await ConfirmAsync(browser, bad);
            Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            var page = await posted.Content.ReadAsStringAsync();
            Assert.Contains("This link does not work", page);
            Assert.Contains("Nothing has been changed.", page);
        }

        var refused = await browser.GetAsync($"/reminders/{other}/something-changed?token={token}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // no redirect for a link that is not this listing's
        Assert.Null(Assert.Single(await _api.RemindersAsync()).ConfirmedAt);
        Assert.Equal(_api.Today, await LastVerifiedAsync(other));
        Assert.Equal(_api.Today.AddMonths(-10), await LastVerifiedAsync(listing));
    }

    [Fact]
    public async Task SomethingChangedOpensTheSitesSuggestAChangeFormForThatListing()
    {
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"));
        await _api.SendAsync();
        var link = Link(Assert.Single(_smtp.Messages), "something-changed");
        using var browser = _api.Browser();

        var response = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{ReminderDirectoryFactory.SiteBaseUrl}/suggest-a-change/?service={listing}", response.Headers.Location!.ToString());
        Assert.Null(Assert.Single(await _api.RemindersAsync()).ConfirmedAt); // it changes nothing: the still-correct link still works
    }

    [Fact]
    public async Task PastTheLastThresholdTheListingIsFlaggedOnTheModeratorsStaleListAndStaysListed()
    {
        _api["Reminders:ThresholdMonths:0"] = "3";
        _api["Reminders:ThresholdMonths:1"] = "6";
        var (listing, _) = await TwoListingsAsync();
        await _api.ListingsAsync(new Listing(listing, _api.Today.AddMonths(-7), "hello@tea-and-talk.example.org"));
        var maya = await _api.ClientAsync("maya");
        Assert.DoesNotContain((await maya.RunAsync("StaleServices")).DataOrFail()["staleServices"]!.AsArray(), s => s!["id"]!.GetValue<string>() == listing.ToString());

        var report = await _api.SendAsync();

        var sent = Assert.Single(report.Sent).Listing;
        Assert.Equal((6, true), (sent.ThresholdMonths, sent.Final));
        Assert.Contains((await maya.RunAsync("StaleServices")).DataOrFail()["staleServices"]!.AsArray(), s => s!["id"]!.GetValue<string>() == listing.ToString());
        Assert.Equal("active", (await maya.RunAsync("ServiceHistory", new { id = listing })).DataOrFail()["service"]!["status"]!.GetValue<string>().ToLowerInvariant());
    }

    [Fact]
    public async Task WithNoSmtpServerConfiguredTheReminderIsWrittenAsAnEmlFile()
    {
        using var api = new ReminderDirectoryFactory();
        var listing = (await api.ActiveListingsAsync(1))[0];
        await api.ListingsAsync(new Listing(listing, api.Today.AddMonths(-10), "hello@tea-and-talk.example.org"));

        await api.SendAsync();

        var file = Assert.Single(Directory.GetFiles(api.MailFolder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("hello@tea-and-talk.example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("still-correct?token=", message.TextBody);
    }

    private async Task<(Guid Listing, Guid Other)> TwoListingsAsync()
    {
        var ids = await _api.ActiveListingsAsync(2);
        return (ids[0], ids[1]);
    }

    private async Task<DateOnly?> LastVerifiedAsync(Guid listing)
    {
        var maya = await _api.ClientAsync("maya");
        var text = (await maya.RunAsync("ServiceHistory", new { id = listing })).DataOrFail()["service"]!["lastVerified"]?.GetValue<string>();
        return text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient browser, string link)
    {
        var (path, token) = SplitToken(link);
        return browser.PostAsync(path, new FormUrlEncodedContent([new("token", token)]));
    }

    private static (string Path, string Token) SplitToken(string link)
    {
        var at = link.IndexOf("?token=", StringComparison.Ordinal);
        return at < 0 ? (link, "") : (link[..at], Uri.UnescapeDataString(link[(at + 7)..]));
    }

    internal static string StillCorrectLink(MimeMessage message) => Link(message, "still-correct");

    internal static string Link(MimeMessage message, string action)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"http://localhost(/reminders/[0-9a-f-]+/{action}\?token=[A-Za-z0-9_-]+)");
        Assert.True(match.Success, $"no {action} link in: {message.TextBody}");
        return match.Groups[1].Value;
    }
}
