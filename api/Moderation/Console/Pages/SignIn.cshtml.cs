using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console.Pages;

public sealed class SignInModel(SignInManager<ModeratorAccount> signIn, UserManager<ModeratorAccount> users) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password) || Email.Length > 256 || Password.Length > 256)
        {
            Problem = "Enter your email address and your password.";
            return Page();
        }

        // A disabled account gets the same answer as a wrong password: nothing says it exists.
        var account = await users.FindByEmailAsync(Email.Trim());
        var result = account is null || account.DisabledAt is not null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith(ConsoleServiceCollectionExtensions.Path, StringComparison.Ordinal)
                ? returnUrl
                : ConsoleServiceCollectionExtensions.Path);
        }

        Problem = result.IsLockedOut
            ? $"Too many wrong passwords: this account is locked for {ConsoleServiceCollectionExtensions.LockoutTime.TotalMinutes:0} minutes. Try again later, or ask an admin."
            : "The email address or password is not right.";
        return Page();
    }
}
