using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console.Pages;

/// <summary>
/// The second step of signing in for an account with an authenticator app: a 6-digit code, or one
/// of the recovery codes. Wrong codes count toward the same lockout as wrong passwords.
/// </summary>
public sealed partial class SignInCodeModel(SignInManager<ModeratorAccount> signIn, UserManager<ModeratorAccount> users) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string ReturnUrl { get; private set; } = ConsoleServiceCollectionExtensions.Path;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        ReturnUrl = SignInModel.SafeReturnUrl(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = SignInModel.SafeReturnUrl(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } account || account.DisabledAt is not null)
        {
            return StartAgain();
        }

        var code = Regex.Replace(Code ?? "", @"\s", "").ToUpperInvariant();
        if (code.Length is 0 or > 32)
        {
            Problem = "Enter the 6-digit code from your authenticator app, or a recovery code.";
            return Page();
        }

        // "Remember this device" is never offered: every sign-in asks for a code.
        var result = SixDigits().IsMatch(code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(code));
        if (result == Microsoft.AspNetCore.Identity.SignInResult.Failed && !SixDigits().IsMatch(code))
        {
            // Identity counts wrong app codes toward the lockout, not wrong recovery codes: count those too.
            await users.AccessFailedAsync(account);
            result = await users.IsLockedOutAsync(account) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : result;
        }
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        Problem = result.IsLockedOut ? SignInModel.LockedOut : "That code is not right. Codes change every 30 seconds: enter the one your app shows now.";
        return Page();
    }

    /// <summary>Recovery codes are shown as "ABCDE-12345"; typed without the dash they work too.</summary>
    private static string RecoveryCode(string code) => code.Length == 10 && !code.Contains('-', StringComparison.Ordinal) ? $"{code[..5]}-{code[5..]}" : code;

    private RedirectResult StartAgain() => Redirect(ConsoleServiceCollectionExtensions.Path + "/sign-in");

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex SixDigits();
}
