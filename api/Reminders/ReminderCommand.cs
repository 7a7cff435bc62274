namespace Signpost.Reminders;

/// <summary>
/// <c>dotnet run --project api -- reminders send [--dry-run]</c>: sends the due review reminders
/// now (as the scheduled job does), or with <c>--dry-run</c> lists who would be emailed and sends nothing.
/// </summary>
public static class ReminderCommand
{
    public const string Usage = """
        Usage:
          reminders send              emails every listing whose review reminder is due
          reminders send --dry-run    lists who would be emailed; sends and records nothing
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not (["send"] or ["send", "--dry-run"]))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var dryRun = args is [_, "--dry-run"];
        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ReminderSender>().RunAsync(dryRun, CancellationToken.None);

        foreach (var (listing, recipient) in report.Sent)
        {
            await output.WriteLineAsync($"{(dryRun ? "Would email" : "Emailed")} {recipient} about \"{listing.Name}\" ({listing.ServiceId}): {Why(listing)}");
        }

        foreach (var (listing, _) in report.NoRecipient)
        {
            await output.WriteLineAsync($"No email address for \"{listing.Name}\" ({listing.ServiceId}): {Why(listing)}");
        }

        foreach (var (listing, recipient) in report.Failed)
        {
            await error.WriteLineAsync($"Could not email {recipient} about \"{listing.Name}\" ({listing.ServiceId}); the next run tries again.");
        }

        await output.WriteLineAsync(dryRun
            ? $"Dry run: {report.Sent.Count} would be emailed, {report.NoRecipient.Count} have no email address. Nothing was sent or recorded."
            : $"{report.Sent.Count} emailed, {report.NoRecipient.Count} with no email address, {report.Failed.Count} failed, {report.TakenByAnotherSender} sent by another instance.");
        return report.Failed.Count == 0 ? 0 : 1;
    }

    private static string Why(DueListing listing) =>
        (listing.LastVerified is { } date ? $"last checked {date:yyyy-MM-dd}" : "never checked")
        + $", {listing.ThresholdMonths}-month reminder{(listing.Final ? " (the last: flagged for moderators)" : "")}";
}
