using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Signpost.Moderation.Accounts;

/// <summary>
/// Creating, listing, disabling, enabling and unlocking the people who moderate: the <c>accounts</c>
/// command and admins in the console both act through here, and the log records who did what.
/// </summary>
public sealed class ModeratorAccounts(UserManager<ModeratorAccount> users, TimeProvider time, ILogger<ModeratorAccounts> log)
{
    /// <summary>Who acts when the <c>accounts</c> command is run on the server.</summary>
    public const string CommandActor = "the accounts command";

    /// <summary>Creates an account with a random password of 20 characters, returned once.</summary>
    public async Task<(ModeratorAccount Account, string Password)> CreateAsync(string email, string displayName, ApiKeyRole role, string by = CommandActor)
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

        Record(by, "created", account.Email!);
        return (account, password);
    }

    public async Task<IReadOnlyList<ModeratorAccount>> ListAsync(CancellationToken cancellationToken) =>
        await users.Users.OrderBy(a => a.DisplayName).ToListAsync(cancellationToken);

    /// <summary>
    /// Turns an account off: it cannot sign in, and a signed-in session ends within a minute.
    /// Nobody can turn off their own account, so an admin cannot lock everyone out by mistake.
    /// </summary>
    public async Task<bool> DisableAsync(string email, string by = CommandActor)
    {
        if (await users.FindByEmailAsync(email) is not { } account)
        {
            return false;
        }

        if (string.Equals(account.Email, by, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("--email: you cannot disable your own account; ask another admin");
        }

        account.DisabledAt = time.GetUtcNow();
        await users.UpdateAsync(account);
        await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(account);
        Record(by, "disabled", account.Email!);
        return true;
    }

    /// <summary>Turns a disabled account back on: the person signs in with the password they had.</summary>
    public async Task<bool> EnableAsync(string email, string by = CommandActor)
    {
        if (await users.FindByEmailAsync(email) is not { } account)
        {
            return false;
        }

        account.DisabledAt = null;
        await users.UpdateAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        Record(by, "enabled", account.Email!);
        return true;
    }

    /// <summary>Ends a lockout after wrong passwords or codes; a disabled account stays disabled.</summary>
    public async Task<bool> UnlockAsync(string email, string by = CommandActor)
    {
        if (await users.FindByEmailAsync(email) is not { } account)
        {
            return false;
        }

        if (account.DisabledAt is not null)
        {
            throw new ArgumentException("--email: this account is disabled; enable it instead");
        }

        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        Record(by, "unlocked", account.Email!);
        return true;
    }

    /// <summary>When a lockout after wrong passwords or codes ends, or null when the account is not locked (or is disabled).</summary>
    public DateTimeOffset? LockedOutUntil(ModeratorAccount account) =>
        account.DisabledAt is null && account.LockoutEnd is { } end && end > time.GetUtcNow() ? end : null;

    /// <summary>What a person did to their own account (a second factor on or off, a new password), for the log.</summary>
    public void RecordOwnChange(ModeratorAccount account, string action) => Record(account.Email!, action, account.Email!);

    private void Record(string actor, string action, string accountEmail) =>
        log.LogInformation("{Actor} {Action} the console account {AccountEmail}", actor, action, accountEmail);

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
