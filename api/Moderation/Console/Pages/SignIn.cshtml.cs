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
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity remembers who, in its short-lived two-factor cookie.
            return Redirect(ConsoleServiceCollectionExtensions.Path + "/sign-in/code?returnUrl=" + Uri.EscapeDataString(SafeReturnUrl(returnUrl)));
        }

        Problem = result.IsLockedOut ? LockedOut : "The email address or password is not right.";
        return Page();
    }

    /// <summary>What a locked account is told, after wrong passwords or wrong codes.</summary>
    public static string LockedOut =>
        $"Too many wrong tries: this account is locked for {ConsoleServiceCollectionExtensions.LockoutTime.TotalMinutes:0} minutes. Try again later, or ask an admin to unlock it.";

    /// <summary>Only a page of the console itself, so a crafted link cannot send a moderator elsewhere after signing in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(ConsoleServiceCollectionExtensions.Path, StringComparison.Ordinal)
            && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : ConsoleServiceCollectionExtensions.Path;
}
