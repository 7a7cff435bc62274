using Microsoft.Extensions.Options;

namespace Signpost.Reminders;

/// <summary>
/// Sends due reminders every <c>Reminders:Interval</c> (daily by default) while the API runs, when
/// <c>Reminders:SendOnSchedule</c> is on. Several instances may all run it: each reminder is
/// claimed in the database before it is sent, so each goes once.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider time, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SendOnSchedule)
        {
            return;
        }

        try
        {
            await Task.Delay(settings.FirstRunDelay, time, stoppingToken);
            using var timer = new PeriodicTimer(settings.Interval, time);
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The API is stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
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
