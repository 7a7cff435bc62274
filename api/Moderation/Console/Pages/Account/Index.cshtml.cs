using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console.Pages;

/// <summary>
/// A person's own account: a new password (the current one first), and the authenticator app as a
/// second step when signing in, turned off only with the password.
/// </summary>
public sealed class AccountModel(UserManager<ModeratorAccount> users, SignInManager<ModeratorAccount> signIn, ModeratorAccounts accounts) : PageModel
{
    public ModeratorAccount? Account { get; private set; }

    /// <summary>What went wrong, by the id of the field it is about, in the order the fields come.</summary>
    public List<(string Field, string Problem)> Problems { get; } = [];

    public string? Done { get; private set; }

    public string? Problem(string field) => Problems.FirstOrDefault(p => p.Field == field).Problem;

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        // Only fixed words come back from the redirect, so a crafted link cannot put others on the page.
        Done = done switch
        {
            "password" => "Your password is changed.",
            "on" => "The second step is on: from now on you sign in with your password and a code.",
            "off" => "The second step is off: you sign in with your password only.",
            _ => null,
        };
        return await LoadAsync() ? Page() : Challenge();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync(string? currentPassword, string? newPassword)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(currentPassword) || currentPassword.Length > 256)
        {
            Problems.Add(("current-password", "Enter your current password."));
        }

        if (string.IsNullOrEmpty(newPassword) || newPassword.Length > 256)
        {
            Problems.Add(("new-password", "Enter a new password."));
        }

        if (Problems.Count > 0)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(Account!, currentPassword!, newPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                Problems.Add(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? ("current-password", "Your current password is not right.")
                    : ("new-password", error.Description));
            }

            return Page();
        }

        // A new password changes the account's security stamp: keep this browser signed in.
        await signIn.RefreshSignInAsync(Account!);
        accounts.RecordOwnChange(Account!, "changed the password of");
        return Redirect(ConsoleServiceCollectionExtensions.Path + "/account?done=password");
    }

    public async Task<IActionResult> OnPostTurnOffAsync(string? password)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(password) || password.Length > 256 || !await users.CheckPasswordAsync(Account!, password))
        {
            Problems.Add(("turn-off-password", string.IsNullOrEmpty(password) ? "Enter your password to turn the second step off." : "Your password is not right."));
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(Account!, false);
        // A fresh key next time, so an old phone's app cannot be used again.
        await users.ResetAuthenticatorKeyAsync(Account!);
        await signIn.RefreshSignInAsync(Account!);
        accounts.RecordOwnChange(Account!, "turned off the second step of");
        return Redirect(ConsoleServiceCollectionExtensions.Path + "/account?done=off");
    }

    private async Task<bool> LoadAsync() => (Account = await users.GetUserAsync(User)) is not null;
}
