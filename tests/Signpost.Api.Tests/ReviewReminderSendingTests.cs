using Microsoft.Extensions.Options;
using Signpost.Reminders;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>How reminders are sent: by several instances at once, from the command line, and only with sound settings.</summary>
public sealed class ReviewReminderSendingTests
{
    [Fact]
    public async Task TwoInstancesSendingAtOnceSendEachReminderExactlyOnce()
    {
        using var smtp = new InProcessSmtpServer();
        using var first = new ReminderDirectoryFactory(smtp);
        var listings = await first.ActiveListingsAsync(40);
        await first.ListingsAsync([.. listings.Select((id, i) => new Listing(id, first.Today.AddMonths(-10 - i % 3), $"provider{i}@example.org"))]);
        using var second = new ReminderDirectoryFactory(smtp, first.ConnectionString);

        var reports = await Task.WhenAll(Task.Run(() => first.SendAsync()), Task.Run(() => second.SendAsync()));

        Assert.Equal(40, smtp.Messages.Count);
        Assert.Equal(40, smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(40, reports.Sum(r => r.Sent.Count));
        Assert.All(reports, r => Assert.Empty(r.Failed));
        var reminders = await first.RemindersAsync();
        Assert.Equal(40, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(ReminderState.Sent, r.State));
    }

    [Fact]
    public async Task OnScheduleOnlyTheInstanceThatTakesTheLeaseSendsAndTheOthersLeaveIt()
    {
        using var smtp = new InProcessSmtpServer();
        using var setup = new ReminderDirectoryFactory(smtp);
        var listings = await setup.ActiveListingsAsync(3);
        await setup.ListingsAsync([.. listings.Select((id, i) => new Listing(id, setup.Today.AddMonths(-10), $"provider{i}@example.org"))]);
        using var first = Scheduled(smtp, setup.ConnectionString);
        using var second = Scheduled(smtp, setup.ConnectionString);

        _ = await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Runs(first, second).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // time for a second run, were there one
        Assert.Equal("Review reminders: 3 sent, 0 due with no email address, 0 failed, 0 sent by another instance.", Assert.Single(Runs(first, second)));
        Assert.Equal(3, smtp.Messages.Count);
    }

    [Fact]
    public void TheScheduleLooksHourlyAndTheLeaseLastsMostOfADay()
    {
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromHours(23.5)), ReminderJob.Cadence(TimeSpan.FromDays(1)));
        Assert.Equal((TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)), ReminderJob.Cadence(TimeSpan.FromMinutes(10)));
    }

    private static ReminderDirectoryFactory Scheduled(InProcessSmtpServer smtp, string databasePath)
    {
        var api = new ReminderDirectoryFactory(smtp, databasePath);
        api["Reminders:SendOnSchedule"] = "true";
        api["Reminders:FirstRunDelay"] = "00:00:00";
        return api;
    }

    private static List<string> Runs(params DirectoryApiFactory[] instances) =>
        [.. instances.SelectMany(i => i.Logs.Entries).Where(e => e.Message.StartsWith("Review reminders:", StringComparison.Ordinal)).Select(e => e.Message)];

    [Fact]
    public async Task TheCommandsDryRunListsWhoWouldBeEmailedAndSendsNothing()
    {
        using var smtp = new InProcessSmtpServer();
        using var api = new ReminderDirectoryFactory(smtp);
        var ids = await api.ActiveListingsAsync(2);
        await api.ListingsAsync(new Listing(ids[0], api.Today.AddMonths(-11), "hello@tea-and-talk.example.org"), new Listing(ids[1], null, null));
        var output = new StringWriter();

        var exit = await ReminderCommand.RunAsync(api.Services, ["send", "--dry-run"], output, TextWriter.Null);

        Assert.Equal(0, exit);
        var lines = output.ToString();
        Assert.Contains($"Would email hello@tea-and-talk.example.org about \"", lines);
        Assert.Contains($"({ids[0]}): last checked {api.Today.AddMonths(-11):yyyy-MM-dd}, 11-month reminder", lines);
        Assert.Contains($"No email address for \"", lines);
        Assert.Contains($"({ids[1]}): never checked, 12-month reminder (the last: flagged for moderators)", lines);
        Assert.Contains("Dry run: 1 would be emailed, 1 have no email address. Nothing was sent or recorded.", lines);
        Assert.Empty(smtp.Messages);
        Assert.Empty(await api.RemindersAsync());

        var sent = new StringWriter();
        Assert.Equal(0, await ReminderCommand.RunAsync(api.Services, ["send"], sent, TextWriter.Null));
        Assert.Contains("1 emailed, 1 with no email address, 0 failed", sent.ToString());
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task TheCommandExplainsItselfWhenAskedWrongly()
    {
        using var api = new ReminderDirectoryFactory();
        var error = new StringWriter();

        Assert.Equal(2, await ReminderCommand.RunAsync(api.Services, ["send", "--dry"], TextWriter.Null, error));
        Assert.Contains("reminders send --dry-run", error.ToString());
    }

    [Theory]
    [InlineData("Email:Smtp:Port", "-1", "Email:Smtp:Port must be between 1 and 65535.")]
    [InlineData("Email:FromAddress", "not an address", "Email:FromAddress must be an email address.")]
    [InlineData("Reminders:LinkLifetime", "00:00:00", "Reminders:LinkLifetime must be between 01:00:00 and 365.00:00:00.")]
    [InlineData("Reminders:SiteBaseUrl", "signpost.example.org", "Reminders:SiteBaseUrl must be an http or https address")]
    public async Task StartUpFailsNamingAnInvalidEmailOrReminderSetting(string key, string value, string message)
    {
        using var api = new ConfiguredDirectoryFactory { ["Database:SeedOnStartup"] = "false", [key] = value };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => api.Services));

        Assert.Contains(message, Invalid(failure).Message);
    }

    [Fact]
    public async Task StartUpFailsWhenTheReminderThresholdsAreNotAscending()
    {
        using var api = new ConfiguredDirectoryFactory
        {
            ["Database:SeedOnStartup"] = "false",
            ["Reminders:ThresholdMonths:0"] = "12",
            ["Reminders:ThresholdMonths:1"] = "10",
        };

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => api.Services));

        Assert.Contains("Reminders:ThresholdMonths must be in ascending order with no repeats (they are 12, 10).", Invalid(failure).Message);
    }

    private static OptionsValidationException Invalid(Exception failure)
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException invalid)
            {
                return invalid;
            }
        }

        throw new Xunit.Sdk.XunitException(failure.ToString());
    }
}
