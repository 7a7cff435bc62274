using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Signpost.Data;
using Signpost.Email;
using Signpost.GraphQL.Errors;
using Signpost.Moderation;
using Signpost.Moderation.Accounts;
using Signpost.Reminders;
using Signpost.Submissions;

namespace Signpost.Providers;

/// <summary>
/// The people who look after their own organisation's listings: a provider account is made (or
/// linked) when a moderator approves a claim, and its person chooses a password from an emailed
/// link. The same link, asked for again, is how anyone who forgot their password gets back in.
/// </summary>
public sealed class ProviderAccounts(
    DirectoryDbContext db, UserManager<ModeratorAccount> users, EmailSender email, IOptions<ReminderOptions> options,
    IMemoryCache recent, TimeProvider time, ILogger<ProviderAccounts> logger)
{
    /// <summary>One password link per account in this time, however often it is asked for: the form cannot be used to flood an inbox.</summary>
    public static readonly TimeSpan ResetEmailInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gives the claim's person a provider account for the organisation that runs the claimed
    /// service, in the caller's transaction. An address that already belongs to a moderator, or to
    /// the provider of another organisation, is refused: one account looks after one organisation.
    /// </summary>
    public async Task<(ModeratorAccount Account, Organization Organization, bool Created)> GrantAsync(Submission claim, CancellationToken cancellationToken)
    {
        var organization = await db.Services.Where(s => s.Id == claim.ServiceId).Select(s => s.Organization!).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundError("input.id", $"the service claimed by {claim.Reference} no longer exists");
        var address = claim.SubmitterEmail ?? throw new InvalidDataException($"Claim {claim.Reference} has no email address.");
        if (await users.FindByEmailAsync(address) is { } existing)
        {
            if (existing.Role != ApiKeyRole.Provider)
            {
                throw new ConflictError($"{address} already signs in as a {Caller.Name(existing.Role)}, who can change any listing: reject this claim.");
            }

            if (existing.OrganizationId is { } other && other != organization.Id)
            {
                var otherName = await db.Organizations.Where(o => o.Id == other).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
                throw new ConflictError($"{address} already looks after the listings of {otherName ?? "another organisation"}; one account looks after one organisation. Reject this claim and ask them to use another address.");
            }

            // The same organisation again (a second listing's claim, or a provider an admin had disabled): enabled, and linked.
            existing.OrganizationId = organization.Id;
            existing.DisabledAt = null;
            Check(await users.UpdateAsync(existing));
            Check(await users.SetLockoutEndDateAsync(existing, null));
            return (existing, organization, false);
        }

        var account = new ModeratorAccount
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true, // the claim's link goes to it; choosing a password proves it
            DisplayName = Shorten(claim.SubmitterName ?? address, 64),
            Role = ApiKeyRole.Provider,
            OrganizationId = organization.Id,
            CreatedAt = time.GetUtcNow(),
        };
        Check(await users.CreateAsync(account)); // no password: they choose one from the email
        return (account, organization, true);
    }

    /// <summary>The welcome email after a claim is approved, with a link to choose a password.</summary>
    public async Task SendWelcomeAsync(ModeratorAccount account, string organizationName, CancellationToken cancellationToken)
    {
        var link = await PasswordLinkAsync(account);
        await email.SendAsync(ProviderEmails.Welcome(account, organizationName, options.Value.SiteName, link, SignInAddress, LinkLifetime), cancellationToken);
        recent.Set(account.Id, true, ResetEmailInterval);
        logger.LogInformation("Sent {Account} the link to choose a password for looking after {Organization}.", account.Email, organizationName);
    }

    /// <summary>
    /// "Forgot your password": a link to choose a new one, for any enabled account with this
    /// address. Nothing tells the asker whether the address has an account.
    /// </summary>
    public async Task SendPasswordLinkAsync(string address, CancellationToken cancellationToken)
    {
        if (address.Length > 256 || await users.FindByEmailAsync(address.Trim()) is not { DisabledAt: null } account || recent.TryGetValue(account.Id, out _))
        {
            return;
        }

        recent.Set(account.Id, true, ResetEmailInterval);
        var link = await PasswordLinkAsync(account);
        await email.SendAsync(ProviderEmails.PasswordLink(account, options.Value.SiteName, link, LinkLifetime), cancellationToken);
        logger.LogInformation("Sent {Account} a link to choose a new password.", account.Email);
    }

    /// <summary>The organisation a provider looks after, and its listings by name (any status).</summary>
    public async Task<(Organization Organization, IReadOnlyList<Service> Listings)> ListingsAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor is not { Role: ApiKeyRole.Provider, OrganizationId: { } organizationId })
        {
            throw AccessError.Forbidden("Only a provider's account looks after listings of its own.");
        }

        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw new NotFoundError("organization", "the organisation you looked after is no longer listed");
        var listings = await db.Services.Where(s => s.OrganizationId == organizationId).OrderBy(s => s.Name).ThenBy(s => s.Id).Take(200).ToListAsync(cancellationToken);
        return (organization, listings);
    }

    /// <summary>The enabled provider accounts of an organisation, oldest first.</summary>
    public async Task<IReadOnlyList<ModeratorAccount>> OfAsync(Guid organizationId, CancellationToken cancellationToken) =>
        (await users.Users.Where(a => a.OrganizationId == organizationId && a.Role == ApiKeyRole.Provider && a.DisabledAt == null).ToListAsync(cancellationToken))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList(); // a few at most; SQLite cannot order by DateTimeOffset

    /// <summary>How long an emailed password link works (Identity's token lifespan, set with the console).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(3);

    private string SignInAddress => options.Value.ApiBaseUrl.TrimEnd('/') + "/moderate/sign-in";

    private async Task<string> PasswordLinkAsync(ModeratorAccount account)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        return options.Value.ApiBaseUrl.TrimEnd('/') + "/moderate/set-password?account=" + account.Id.ToString("N") + "&token=" + Uri.EscapeDataString(token);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InputError("input.id", "the claim's email address cannot sign in: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];
}
