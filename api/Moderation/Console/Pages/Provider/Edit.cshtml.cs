using GraphQL;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.GraphQL.Errors;
using Signpost.Submissions;

namespace Signpost.Moderation.Console.Pages;

/// <summary>
/// A provider edits one of their organisation's listings: the same fields a suggestion may change,
/// checked by the same rules, saved through <see cref="ModerationService.UpdateAsync"/> (live at
/// once, audited, undoable by a moderator). Another organisation's listing is not found here.
/// </summary>
public sealed class EditListingModel(ModerationService moderation, DirectoryDbContext db, Caller caller) : PageModel
{
    /// <summary>The form's fields, in order: the field's name, its label, the kind of control, a hint.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, string Kind, string? Hint)> Fields =
    [
        ("name", "Name of the service", "text", null),
        ("alternateName", "Other name it is known by", "text", null),
        ("description", "What it offers", "textarea", "A few sentences, in plain English."),
        ("alert", "Notice to show at the top", "text", "For example: \"Closed over Christmas\". Leave empty for none."),
        ("openingTimes", "Opening times", "text", "In words, for example: \"Mondays and Thursdays, 10am to 2pm\". If you change them, the listing shows your words, and no longer says whether it is open now until a moderator adds exact times."),
        ("phone", "Phone number", "tel", null),
        ("email", "Email address", "email", null),
        ("url", "Website", "url", "Starting with https://"),
        ("feesDescription", "What it costs", "text", null),
        ("eligibilityDescription", "Who it is for", "textarea", null),
        ("applicationProcess", "How to use it", "textarea", null),
        ("minimumAge", "Youngest age", "number", "In whole years; leave empty for no limit."),
        ("maximumAge", "Oldest age", "number", "In whole years; leave empty for no limit."),
    ];

    public static readonly IReadOnlyList<(string Field, string Label, string Kind, string? Hint)> AddressFields =
    [
        ("address.address1", "Address line 1", "text", null),
        ("address.address2", "Address line 2", "text", null),
        ("address.city", "Town or city", "text", null),
        ("address.postcode", "Postcode", "text", null),
    ];

    public Service? Listing { get; private set; }

    public bool HasAddress { get; private set; }

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Each problem by its field, in the order of the form.</summary>
    public Dictionary<string, string> Problems { get; } = new(StringComparer.Ordinal);

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        foreach (var (field, _, _, _) in Fields.Concat(HasAddress ? AddressFields : []))
        {
            Values[field] = ServiceChanges.Read(Listing!, field);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var proposed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, label, _, _) in Fields.Concat(HasAddress ? AddressFields : []))
        {
            // Browsers send new lines as CRLF; the listing keeps LF.
            var text = Request.Form[field].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            Values[field] = text;
            try
            {
                var value = ServiceChanges.Check(field, text.Length == 0 ? null : text, field);
                if (value != ServiceChanges.Read(Listing!, field))
                {
                    proposed[field] = value;
                }
            }
            catch (InputError e)
            {
                // "name: is required" → "Name of the service is required".
                Problems[field] = $"{label} {e.Message[(e.Field.Length + 2)..]}";
            }
        }

        // A new address is given whole: the lines not changed go with the changed ones.
        if (proposed.Keys.Any(f => f.StartsWith("address.", StringComparison.Ordinal)))
        {
            foreach (var (field, _, _, _) in AddressFields)
            {
                proposed.TryAdd(field, ServiceChanges.Read(Listing!, field));
            }
        }

        if (Problems.Count > 0)
        {
            Problem = "Nothing was saved: correct the fields below.";
            return Page();
        }

        try
        {
            await moderation.UpdateAsync(id, expectedVersion, proposed, cancellationToken);
            return Redirect(ConsoleServiceCollectionExtensions.Path + "/provider?done=saved");
        }
        catch (ExecutionError e) when (e is ConflictError or InputError)
        {
            Problem = e.Message.StartsWith("The listing is at version", StringComparison.Ordinal)
                ? "Nothing was saved: the listing changed while you were editing it (perhaps a moderator). Below is the form with your changes; check them against the listing and save again."
                : "Nothing was saved: " + e.Message;
            await LoadAsync(id, cancellationToken);
            return Page();
        }
    }

    /// <summary>The listing, only if the person signed in may change it: another organisation's is simply not found.</summary>
    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = await caller.RequireAsync(ApiKeyRole.Provider, cancellationToken);
        Listing = await ServiceChanges.WithChangeableParts(db.Services).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (Listing is null || !actor.MayChange(Listing.OrganizationId))
        {
            return false;
        }

        HasAddress = ServiceChanges.Place(Listing) is not null;
        return true;
    }
}
