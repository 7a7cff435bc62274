using System.Net;
using MimeKit;
using Signpost.Moderation.Accounts;

namespace Signpost.Providers;

/// <summary>The account emails, in plain English, as plain text and simple HTML (everything from people HTML-encoded).</summary>
public static class ProviderEmails
{
    public static MimeMessage Welcome(ModeratorAccount account, string organizationName, string siteName, string passwordLink, string signIn, TimeSpan lifetime) =>
        Build(account, $"You can now keep {organizationName}'s listings up to date", siteName,
            [$"We have checked your request: you can now keep the listings of {organizationName} on {siteName} up to date yourself.",
             "Changes you make go live at once, and we keep a record of each one."],
            "Choose your password", passwordLink,
            [$"The link works once, for {Days(lifetime)}. Afterwards, sign in at {signIn}.", "If you did not ask for this, ignore this email and nothing will happen."]);

    public static MimeMessage PasswordLink(ModeratorAccount account, string siteName, string passwordLink, TimeSpan lifetime) =>
        Build(account, $"Choose a new password for {siteName}", siteName,
            ["Someone, probably you, asked to choose a new password for your account."],
            "Choose a new password", passwordLink,
            [$"The link works once, for {Days(lifetime)}.", "If you did not ask for this, ignore this email: your password stays as it is."]);

    private static MimeMessage Build(ModeratorAccount account, string subject, string siteName, string[] before, string action, string link, string[] after)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(new MailboxAddress(account.DisplayName, account.Email ?? throw new InvalidDataException($"Account {account.Id} has no email address.")));
        string E(string value) => WebUtility.HtmlEncode(value);
        var text = $"Hello {account.DisplayName},\n\n{string.Join("\n\n", before)}\n\n{action}:\n{link}\n\n{string.Join("\n", after)}\n\nThank you,\n{siteName}\n";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">
            <p>Hello {E(account.DisplayName)},</p>
            {string.Concat(before.Select(p => $"<p>{E(p)}</p>"))}
            <p><a href="{E(link)}">{E(action)}</a></p>
            {string.Concat(after.Select(p => $"<p>{E(p)}</p>"))}
            <p>Thank you,<br>{E(siteName)}</p>
            </body>
            </html>
            """;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string Days(TimeSpan lifetime) => lifetime.TotalDays >= 2 ? $"{lifetime.TotalDays:0} days" : "a day";
}
