using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console.Pages;

/// <summary>
/// Admins look after the people who sign in: who they are, their role, second step and state, and
/// disable, enable or unlock them, through the same <see cref="ModeratorAccounts"/> as the command.
/// </summary>
public sealed class AccountsModel(ModeratorAccounts accounts, UserManager<ModeratorAccount> users) : PageModel
{
    public IReadOnlyList<ModeratorAccount> People { get; private set; } = [];

    /// <summary>The admin looking at the page, who cannot disable themself.</summary>
    public Guid? Me { get; private set; }

    public string? Done { get; private set; }

    public string? Problem { get; private set; }

    public DateTimeOffset? LockedOutUntil(ModeratorAccount account) => accounts.LockedOutUntil(account);

    public async Task OnGetAsync(string? done, Guid? who, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // Only fixed words and a name from the database come back from the redirect.
        if (People.FirstOrDefault(p => p.Id == who) is { } person && done is "disabled" or "enabled" or "unlocked")
        {
            Done = $"{person.DisplayName} ({person.Email}) is {done}.";
        }
    }

    public Task<IActionResult> OnPostDisableAsync(string? email, CancellationToken cancellationToken) =>
        ActAsync(email, "disabled", accounts.DisableAsync, cancellationToken);

    public Task<IActionResult> OnPostEnableAsync(string? email, CancellationToken cancellationToken) =>
        ActAsync(email, "enabled", accounts.EnableAsync, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string? email, CancellationToken cancellationToken) =>
        ActAsync(email, "unlocked", accounts.UnlockAsync, cancellationToken);

    private async Task<IActionResult> ActAsync(string? email, string done, Func<string, string, Task<bool>> act, CancellationToken cancellationToken)
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return Challenge();
        }

        try
        {
            if (!string.IsNullOrWhiteSpace(email) && email.Length <= 256 && await act(email, me.Email!)
                && await users.FindByEmailAsync(email) is { } account)
            {
                return Redirect($"{ConsoleServiceCollectionExtensions.Path}/accounts?done={done}&who={account.Id}");
            }

            Problem = "There is no account for that email address.";
        }
        catch (ArgumentException e)
        {
            // The service's words for the command, without the command's option name.
            var message = e.Message.StartsWith("--email: ", StringComparison.Ordinal) ? e.Message["--email: ".Length..] : e.Message;
            Problem = char.ToUpperInvariant(message[0]) + message[1..] + ".";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Me = (await users.GetUserAsync(User))?.Id;
        People = await accounts.ListAsync(cancellationToken);
    }
}
