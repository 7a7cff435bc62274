using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Signpost.Moderation.Accounts;

namespace Signpost.Moderation.Console.Pages;

/// <summary>An admin adds a moderator or an admin; the first password is shown once, on the next page, as the command prints it.</summary>
public sealed class NewAccountModel(ModeratorAccounts accounts, UserManager<ModeratorAccount> users) : PageModel
{
    /// <summary>The roles a person can be given here (other roles are given elsewhere).</summary>
    public static readonly ApiKeyRole[] Roles = [ApiKeyRole.Moderator, ApiKeyRole.Admin];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public ApiKeyRole Role { get; set; } = ApiKeyRole.Moderator;

    public List<(string Field, string Problem)> Problems { get; } = [];

    /// <summary>Set only on the page right after the account is created.</summary>
    public string? Password { get; private set; }

    public string? Problem(string field) => Problems.FirstOrDefault(p => p.Field == field).Problem;

    public static string Describe(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Moderator => "Moderator: works the queue and looks after listings",
        ApiKeyRole.Admin => "Admin: everything a moderator does, and manages accounts",
        _ => role.ToString(),
    };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }

        Name = Name?.Trim();
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Name) || Name.Length > 64)
        {
            Problems.Add(("name", "Enter the person's full name, up to 64 characters."));
        }

        if (string.IsNullOrEmpty(Email) || Email.Length > 256 || !Email.Contains('@', StringComparison.Ordinal))
        {
            Problems.Add(("email", "Enter the person's email address, like name@example.org."));
        }
        else if (await users.FindByEmailAsync(Email) is not null)
        {
            Problems.Add(("email", "There is already an account for this email address."));
        }

        if (!Roles.Contains(Role))
        {
            Role = ApiKeyRole.Moderator;
            Problems.Add(("role-moderator", "Choose moderator or admin."));
        }

        if (Problems.Count > 0)
        {
            return Page();
        }

        try
        {
            (_, Password) = await accounts.CreateAsync(Email!, Name!, Role, by: me.Email!);
        }
        catch (ArgumentException e)
        {
            Problems.Add(("email", e.Message.StartsWith("--email: ", StringComparison.Ordinal) ? e.Message["--email: ".Length..] : "The account could not be created: " + e.Message));
        }

        return Page();
    }
}
