using System.Text.Json;
using GraphQL;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.GraphQL.Errors;
using Signpost.Moderation.Accounts;
using Signpost.Providers;
using Signpost.Submissions;

namespace Signpost.Moderation.Console.Pages;

/// <summary>
/// One submission: its diff against the listing as it is now, approve, or not approve with a reason.
/// A listing changed meanwhile (by another moderator, an import or a provider) is shown as a conflict
/// with the fresh diff, and nothing is applied.
/// </summary>
public sealed class DecideModel(ModerationService moderation, ProviderAccounts providers, DirectoryDbContext db) : PageModel
{
    /// <summary>For a claim: the organisation it would be given, and who looks after it already.</summary>
    public Organization? Organization { get; private set; }

    public IReadOnlyList<ModeratorAccount> Providers { get; private set; } = [];

    public ClaimPayload? Claim { get; private set; }

    public Submission? Submission { get; private set; }

    public Service? Listing { get; private set; }

    public IReadOnlyList<FieldDiff> Changes { get; private set; } = [];

    public string? Message { get; private set; }

    public bool IsOutdated => Submission is { Status: SubmissionStatus.Pending, BaseVersion: { } seen } && Listing is { } listing && listing.Version > seen;

    public string? Problem { get; private set; }

    public string? ReasonProblem { get; private set; }

    public string? Reason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            var (submission, _) = await moderation.ApproveAsync(id, expectedVersion, cancellationToken);
            return Redirect($"{ConsoleServiceCollectionExtensions.Path}?approved={Uri.EscapeDataString(submission.Reference)}");
        }
        catch (ExecutionError e) when (e is ConflictError or InputError)
        {
            Problem = e is ConflictError && !e.Message.StartsWith("The listing is at version", StringComparison.Ordinal) && !e.Message.StartsWith("Another moderator", StringComparison.Ordinal)
                ? "Not approved: " + e.Message
                : e is ConflictError
                ? "Not approved: the listing changed while you were looking at it. Below is the difference against the listing as it is now; approve again if it still makes sense."
                : "Not approved: " + e.Message;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        try
        {
            var submission = await moderation.RejectAsync(id, reason, cancellationToken);
            return Redirect($"{ConsoleServiceCollectionExtensions.Path}?rejected={Uri.EscapeDataString(submission.Reference)}");
        }
        catch (InputError e)
        {
            Reason = reason;
            // The service's rule, in the console's words: "The reason must be at most 500 characters (it has 612)".
            ReasonProblem = string.IsNullOrWhiteSpace(reason) ? "Say why it is not approved: the sender sees this." : "The reason " + e.Message[(e.Field.Length + 2)..];
            Problem = "Not decided: " + ReasonProblem;
        }
        catch (ConflictError e)
        {
            Problem = e.Message;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            (Submission, Listing) = await moderation.SubmissionAsync(id, cancellationToken);
        }
        catch (NotFoundError)
        {
            return false;
        }

        Changes = SubmissionDiffs.Of(Submission, Listing);
        Message = Submission.Kind switch
        {
            SubmissionKind.ProblemReport => JsonSerializer.Deserialize<ReportPayload>(Submission.Payload, JsonSerializerOptions.Web)?.Message,
            SubmissionKind.ChangeSuggestion => ModerationService.Suggestion(Submission).Note,
            SubmissionKind.Claim => ModerationService.Claim(Submission).Message,
            _ => null,
        };
        if (Submission.Kind == SubmissionKind.Claim && Listing is not null)
        {
            Claim = ModerationService.Claim(Submission);
            Organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == Listing.OrganizationId, cancellationToken);
            Providers = await providers.OfAsync(Listing.OrganizationId, cancellationToken);
        }

        return true;
    }
}
