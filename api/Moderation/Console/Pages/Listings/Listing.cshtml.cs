using GraphQL;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.GraphQL.Errors;
using Signpost.Moderation.Accounts;
using Signpost.Providers;

namespace Signpost.Moderation.Console.Pages;

/// <summary>One listing: checked today, temporarily closed, archived or restored, and its history.</summary>
public sealed class ListingModel(ModerationService moderation, ProviderAccounts providers) : PageModel
{
    /// <summary>The people who may change this listing themselves (its organisation's providers).</summary>
    public IReadOnlyList<ModeratorAccount> Providers { get; private set; } = [];

    /// <summary>Whether a moderator can undo an entry from here: one that changed a listing's fields.</summary>
    public static bool CanUndo(AuditEntry entry) => entry.Action == "updated";

    public Service? Listing { get; private set; }

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>What can be done to the listing in its status: page handler, button, style.</summary>
    public IEnumerable<(string Handler, string Label, string Style)> Actions => Listing!.Status switch
    {
        ServiceStatus.Active => [("Verify", "Checked with the provider today", ""), ("Close", "Temporarily closed", "secondary"), ("Archive", "Archive", "secondary")],
        ServiceStatus.TemporarilyClosed => [("Verify", "Checked with the provider today", ""), ("Restore", "Open again", ""), ("Archive", "Archive", "secondary")],
        _ => [("Restore", "Restore to the directory", "")],
    };

    public static string StatusText(ServiceStatus status) => status switch
    {
        ServiceStatus.Active => "Listed",
        ServiceStatus.TemporarilyClosed => "Temporarily closed (still listed)",
        ServiceStatus.Inactive => "Archived (not listed)",
        _ => "Closed for good (not listed)",
    };

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "verified" => "Recorded as checked with the provider today.",
            "closed" => "Marked temporarily closed. It stays listed and is never shown as open.",
            "archived" => "Archived: it is no longer in the directory. Nothing was deleted.",
            "restored" => "Listed again.",
            "reverted" => "Undone: the fields are back as they were, recorded as a new change.",
            _ => null,
        };
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostVerifyAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, "verified", () => moderation.VerifyAsync(id, expectedVersion, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, "closed", () => moderation.CloseTemporarilyAsync(id, expectedVersion, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, "archived", () => moderation.ArchiveAsync(id, expectedVersion, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, "restored", () => moderation.RestoreAsync(id, expectedVersion, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRevertAsync(Guid id, int change, int? expectedVersion, CancellationToken cancellationToken) =>
        ActAsync(id, "reverted", () => moderation.RevertAsync(id, change, expectedVersion, cancellationToken), cancellationToken);

    /// <summary>Does it, then shows the listing again (after a redirect, so a reload does not repeat it).</summary>
    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<Service>> act, CancellationToken cancellationToken)
    {
        try
        {
            await act();
            return Redirect($"{ConsoleServiceCollectionExtensions.Path}/listings/{id}?done={done}");
        }
        catch (ExecutionError e) when (e is ConflictError or InputError)
        {
            Problem = e is ConflictError && e.Message.Contains("version", StringComparison.OrdinalIgnoreCase)
                ? "Nothing was changed: the listing changed while you were looking at it. Here it is as it is now."
                : "Nothing was changed: " + e.Message;
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            (Listing, History) = await moderation.ListingAsync(id, cancellationToken);
            Providers = await providers.OfAsync(Listing.OrganizationId, cancellationToken);
            return true;
        }
        catch (NotFoundError)
        {
            return false;
        }
    }
}
