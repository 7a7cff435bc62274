using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Submissions;

namespace Signpost.Moderation.Console.Pages;

/// <summary>The queue: what the public sent, waiting for a decision, oldest first, with counts by kind.</summary>
public sealed class QueueModel(ModerationService moderation, DirectoryDbContext db) : PageModel
{
    public static readonly SubmissionKind[] Kinds = [SubmissionKind.NewListing, SubmissionKind.ChangeSuggestion, SubmissionKind.ProblemReport, SubmissionKind.Claim];

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public SubmissionKind? Kind { get; private set; }

    public IReadOnlyDictionary<SubmissionKind, int> Counts { get; private set; } = new Dictionary<SubmissionKind, int>();

    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public sealed record QueueItem(Submission Submission, string About);

    public int Count(SubmissionKind kind) => Counts.GetValueOrDefault(kind);

    /// <summary>What was just decided, from the redirect after a decision.</summary>
    public string? Decided { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? kind, string? approved, string? rejected, CancellationToken cancellationToken)
    {
        // A provider's start page is their own listings; the queue is for moderators.
        if (!User.IsInRole(nameof(ApiKeyRole.Moderator)) && !User.IsInRole(nameof(ApiKeyRole.Admin)))
        {
            return Redirect(ConsoleServiceCollectionExtensions.Path + "/provider");
        }

        // Only a reference is echoed back, so a crafted link cannot put other words in the console.
        Decided = approved is not null && SubmissionReferences.IsWellFormed(approved) ? $"{approved} approved."
            : rejected is not null && SubmissionReferences.IsWellFormed(rejected) ? $"{rejected} not approved; the sender can see why."
            : null;
        Kind = Enum.TryParse<SubmissionKind>(kind, out var k) && Kinds.Contains(k) ? k : null;
        Counts = await moderation.QueueCountsAsync(cancellationToken);
        var waiting = await moderation.QueueAsync(Kind, SubmissionStatus.Pending, serviceId: null, ModerationService.MaxQueuePage, cancellationToken);
        var ids = waiting.Where(s => s.ServiceId is not null).Select(s => s.ServiceId!.Value).Distinct().ToList();
        var names = await db.Services.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        Items = waiting.Select(s => new QueueItem(s, s.ServiceId is { } id && names.TryGetValue(id, out var name) ? name : ProposedName(s))).ToList();
        return Page();
    }

    public static string Label(SubmissionKind kind, bool plural) => (kind, plural) switch
    {
        (SubmissionKind.NewListing, false) => "New listing",
        (SubmissionKind.NewListing, true) => "New listings",
        (SubmissionKind.ChangeSuggestion, false) => "Suggested change",
        (SubmissionKind.ChangeSuggestion, true) => "Suggested changes",
        (SubmissionKind.ProblemReport, false) => "Problem report",
        (SubmissionKind.ProblemReport, true) => "Problem reports",
        (_, false) => "Claim",
        _ => "Claims",
    };

    public static string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, UkTime).ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A new listing's own name, from what was sent (shown as text, whatever it holds).</summary>
    private static string ProposedName(Submission submission)
    {
        try
        {
            using var payload = JsonDocument.Parse(submission.Payload);
            var root = payload.RootElement;
            return root.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array && services.GetArrayLength() > 0
                && services[0].TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()!
                : root.TryGetProperty("name", out var organisation) && organisation.ValueKind == JsonValueKind.String ? organisation.GetString()! : "(no name)";
        }
        catch (JsonException)
        {
            return "(no name)";
        }
    }
}
