using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console.Pages;

/// <summary>
/// Setting up an authenticator app (TOTP, Identity's authenticator token provider): the shared key
/// as a QR code and as text, then a right code before the second step is turned on, then ten
/// recovery codes, shown once.
/// </summary>
public sealed class AuthenticatorModel(UserManager<ModeratorAccount> users, SignInManager<ModeratorAccount> signIn, ModeratorAccounts accounts) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public string GroupedKey { get; private set; } = "";

    public string? Problem { get; private set; }

    /// <summary>Set only on the page right after turning the second step on.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        if (account.TwoFactorEnabled)
        {
            return Redirect(ConsoleServiceCollectionExtensions.Path + "/account");
        }

        GroupedKey = Grouped(await KeyAsync(account));
        return Page();
    }

    /// <summary>The QR code as a PNG from this host (the console's policy allows images from itself only, and no inline styles).</summary>
    public async Task<IActionResult> OnGetQrCodeAsync()
    {
        if (await users.GetUserAsync(User) is not { } account || account.TwoFactorEnabled)
        {
            return NotFound();
        }

        var uri = OtpAuthUri(account.Email!, await KeyAsync(account));
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return File(new PngByteQRCode(data).GetGraphic(pixelsPerModule: 5), "image/png");
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        if (account.TwoFactorEnabled)
        {
            return Redirect(ConsoleServiceCollectionExtensions.Path + "/account");
        }

        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var right = digits.Length == 6 && digits.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, digits);
        if (!right)
        {
            Problem = digits.Length == 0
                ? "Enter the 6-digit code your authenticator app shows."
                : "That code is not right. Check the app shows Signpost, and enter the code it shows now.";
            GroupedKey = Grouped(await KeyAsync(account));
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount) ?? []];
        // Turning the second step on changes the account's security stamp: keep this browser signed in.
        await signIn.RefreshSignInAsync(account);
        accounts.RecordOwnChange(account, "turned on the second step of");
        return Page();
    }

    /// <summary>The standard link authenticator apps read: <c>otpauth://totp/Signpost:{email}?secret=…&amp;issuer=Signpost&amp;digits=6</c>.</summary>
    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/Signpost:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer=Signpost&digits=6";

    /// <summary>The key in groups of four, easier to type: "abcd efgh …".</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The account's authenticator key, made the first time it is asked for.</summary>
    private async Task<string> KeyAsync(ModeratorAccount account)
    {
        if (await users.GetAuthenticatorKeyAsync(account) is { Length: > 0 } key)
        {
            return key;
        }

        await users.ResetAuthenticatorKeyAsync(account);
        // A new key changes the account's security stamp: keep this browser signed in.
        await signIn.RefreshSignInAsync(account);
        return (await users.GetAuthenticatorKeyAsync(account))!;
    }
}
