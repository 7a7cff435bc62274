using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.GraphQL.Errors;

namespace Signpost.Moderation.Console.Pages;

/// <summary>Finding a listing by name, and the listings due a check with their provider.</summary>
public sealed class ListingsModel(ModerationService moderation) : PageModel
{
    public bool Stale { get; private set; }

    public string? Query { get; private set; }

    public string? Problem { get; private set; }

    public int StaleCount { get; private set; }

    public IReadOnlyList<Service>? Results { get; private set; }

    public async Task OnGetAsync(string? q, bool stale, CancellationToken cancellationToken)
    {
        Stale = stale;
        Query = q;
        var due = await moderation.StaleAsync(ModerationService.MaxQueuePage, cancellationToken);
        StaleCount = due.Count;
        if (stale)
        {
            Results = due;
        }
        else if (q is not null || Request.Query.ContainsKey("q"))
        {
            try
            {
                Results = await moderation.FindAsync(q ?? "", ModerationService.MaxQueuePage, cancellationToken);
            }
            catch (InputError e)
            {
                Problem = string.IsNullOrWhiteSpace(q) ? "Enter part of the listing's name." : "The name " + e.Message[(e.Field.Length + 2)..];
            }
        }
    }
}
