using GraphQL;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.GraphQL.Errors;
using Signpost.Providers;

namespace Signpost.Moderation.Console.Pages;

/// <summary>A provider's start page: their organisation's listings, each to edit or confirm as still correct.</summary>
public sealed class ProviderListingsModel(ProviderAccounts providers, ModerationService moderation, Caller caller) : PageModel
{
    public Organization? Organization { get; private set; }

    public IReadOnlyList<Service> Listings { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "verified" => "Thank you: recorded as checked today.",
            "saved" => "Saved: your changes are live.",
            _ => null,
        };
        return await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await moderation.VerifyAsync(id, expectedVersion, cancellationToken);
            return Redirect(ConsoleServiceCollectionExtensions.Path + "/provider?done=verified");
        }
        catch (ExecutionError e) when (e is ConflictError or NotFoundError or AccessError)
        {
            Problem = e is ConflictError ? "Nothing was recorded: the listing changed meanwhile. Here it is as it is now." : "Nothing was recorded: " + e.Message;
        }

        return await LoadAsync(cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            (Organization, Listings) = await providers.ListingsAsync(await caller.RequireAsync(ApiKeyRole.Provider, cancellationToken), cancellationToken);
            return Page();
        }
        catch (ExecutionError e) when (e is NotFoundError or AccessError)
        {
            return Redirect(ConsoleServiceCollectionExtensions.Path + "/denied");
        }
    }
}
