using Microsoft.Extensions.Options;
using Signpost.Scheduling;

namespace Signpost.Reminders;

/// <summary>
/// Sends due reminders about every <c>Reminders:Interval</c> (daily by default) while the API
/// runs, when <c>Reminders:SendOnSchedule</c> is on. Every instance wakes up regularly; the one
/// that takes the job's lease in the database runs, and holds it for most of an interval, so the
/// directory sends once a day however many instances there are and however often they restart.
/// Each reminder is claimed before it is sent besides, so even two runs at once send it once.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time, ILogger<ReminderJob> logger) : BackgroundService
{
    public const string LeaseName = "review-reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SendOnSchedule)
        {
            return;
        }

        var (wakeEvery, lease) = Cadence(settings.Interval);
        try
        {
            await Task.Delay(settings.FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(wakeEvery, time);
            do
            {
                await RunIfLeaseTakenAsync(lease, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The API is stopping.
        }
    }

    /// <summary>
    /// How often an instance looks (an hour, or the interval if shorter) and how long the one that
    /// runs holds the lease: half a look short of the interval, so the next look after it is free.
    /// </summary>
    public static (TimeSpan WakeEvery, TimeSpan Lease) Cadence(TimeSpan interval)
    {
        var wakeEvery = interval < TimeSpan.FromHours(1) ? interval : TimeSpan.FromHours(1);
        return (wakeEvery, interval - wakeEvery / 2);
    }

    private async Task RunIfLeaseTakenAsync(TimeSpan lease, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryTakeAsync(LeaseName, JobLeases.ThisInstance, lease, stoppingToken))
            {
                return; // another instance ran it, or this one did, within the interval
            }

            var report = await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunAsync(dryRun: false, stoppingToken);
            logger.LogInformation("Review reminders: {Sent} sent, {NoRecipient} due with no email address, {Failed} failed, {Taken} sent by another instance.",
                report.Sent.Count, report.NoRecipient.Count, report.Failed.Count, report.TakenByAnotherSender);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One bad run (the database busy, the mail server down) must not stop the next.
            logger.LogError(e, "Sending review reminders failed; the next run tries again.");
        }
    }
}
