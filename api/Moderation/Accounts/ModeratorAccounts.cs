using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Signpost.Moderation.Accounts;

/// <summary>Creating, listing and disabling the people who moderate (the <c>accounts</c> command, and admins later in the console).</summary>
public sealed class ModeratorAccounts(UserManager<ModeratorAccount> users, TimeProvider time)
{
    /// <summary>Creates an account with a random password of 20 characters, returned once.</summary>
    public async Task<(ModeratorAccount Account, string Password)> CreateAsync(string email, string displayName, ApiKeyRole role)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 64)
        {
            throw new ArgumentException("--name: give the person's name, up to 64 characters");
        }

        if (role is not (ApiKeyRole.Moderator or ApiKeyRole.Admin))
        {
            throw new ArgumentException("--role: a person is a moderator or an admin");
        }

        var account = new ModeratorAccount { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(), Role = role, CreatedAt = time.GetUtcNow() };
        var password = NewPassword();
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
        {
            throw new ArgumentException("--email: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        return (account, password);
    }

    public async Task<IReadOnlyList<ModeratorAccount>> ListAsync(CancellationToken cancellationToken) =>
        await users.Users.OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);

    /// <summary>Turns an account off: it cannot sign in, and a signed-in session ends within a minute.</summary>
    public async Task<bool> DisableAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is not { } account)
        {
            return false;
        }

        account.DisabledAt = time.GetUtcNow();
        await users.UpdateAsync(account);
        await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(account);
        return true;
    }

    private static string NewPassword()
    {
        const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        // Identity's rules ask for a digit, a lower- and an upper-case letter: always include one of each.
        chars[0] = (char)('a' + RandomNumberGenerator.GetInt32(26));
        chars[1] = (char)('A' + RandomNumberGenerator.GetInt32(26));
        chars[2] = (char)('2' + RandomNumberGenerator.GetInt32(8));
        return new string(chars);
    }
}
