using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.Providers;

namespace Signpost.Moderation.Console.Pages;

/// <summary>Emails a link to choose a new password; the answer is the same whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(ProviderAccounts accounts) : PageModel
{
    public bool Sent { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || !email.Contains('@', StringComparison.Ordinal))
        {
            Problem = "Enter your email address, like name@example.org.";
            return Page();
        }

        await accounts.SendPasswordLinkAsync(email, cancellationToken);
        Sent = true;
        return Page();
    }
}
