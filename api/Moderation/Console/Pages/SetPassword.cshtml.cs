using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console.Pages;

/// <summary>
/// Where an emailed password link lands: a provider's first password after their claim, or anyone's
/// new one. The link is Identity's reset token: it expires, and works once (saving a password
/// changes the account's security stamp, which the token is bound to).
/// </summary>
public sealed class SetPasswordModel(UserManager<ModeratorAccount> users) : PageModel
{
    public string? Account { get; private set; }

    public string? Token { get; private set; }

    public bool LinkWorks { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? account, string? token)
    {
        (Account, Token) = (account, token);
        LinkWorks = await FindAsync(account, token) is not null;
    }

    public async Task<IActionResult> OnPostAsync(string? account, string? token, string? password, string? confirm)
    {
        (Account, Token) = (account, token);
        if (await FindAsync(account, token) is not { } found)
        {
            return Page();
        }

        LinkWorks = true;
        if (string.IsNullOrEmpty(password) || password.Length > 256)
        {
            Problem = "Enter the password you want.";
            return Page();
        }

        if (password != confirm)
        {
            Problem = "The two passwords are not the same: type it twice exactly.";
            return Page();
        }

        var result = await users.ResetPasswordAsync(found, token!, password);
        if (!result.Succeeded)
        {
            var expired = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            LinkWorks = !expired;
            Problem = expired ? "This link has expired or has already been used." : string.Join(" ", result.Errors.Select(e => e.Description));
            return Page();
        }

        // A locked account (someone guessing) is opened by proving the mailbox.
        await users.SetLockoutEndDateAsync(found, null);
        await users.ResetAccessFailedCountAsync(found);
        return Redirect(ConsoleServiceCollectionExtensions.Path + "/sign-in?password=saved");
    }

    /// <summary>The account the link is for, if the link is still good for it.</summary>
    private async Task<ModeratorAccount?> FindAsync(string? account, string? token)
    {
        if (!Guid.TryParseExact(account, "N", out var id) || string.IsNullOrEmpty(token) || token.Length > 1024
            || await users.FindByIdAsync(id.ToString()) is not { DisabledAt: null } found)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(found, users.Options.Tokens.PasswordResetTokenProvider, UserManager<ModeratorAccount>.ResetPasswordTokenPurpose, token)
            ? found
            : null;
    }
}
