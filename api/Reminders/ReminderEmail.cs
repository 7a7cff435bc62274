using System.Globalization;
using System.Net;
using MimeKit;

namespace Signpost.Reminders;

/// <summary>
/// The reminder itself, in plain English, as plain text and simple HTML: the service's name, the
/// directory's name, when the listing was last checked, and the two links. Everything from the
/// listing is HTML-encoded in the HTML body.
/// </summary>
public static class ReminderEmail
{
    public static MimeMessage Build(DueListing listing, string recipient, string siteName, string stillCorrect, string somethingChanged, TimeSpan linkLifetime)
    {
        var checkedWhen = listing.LastVerified is { } date
            ? $"We last checked it with you on {date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}."
            : "We have not yet been able to check it with you.";
        var last = listing.Final
            ? "This is our last reminder: if we do not hear from you, someone from our team will look at the listing."
            : "";
        var days = (int)Math.Round(linkLifetime.TotalDays);
        var lifetime = days >= 1 ? $"{days} day{(days == 1 ? "" : "s")}" : "a few hours";

        var text = $"""
            Hello,

            "{listing.Name}" is listed on {siteName}, so that people can find it.
            {checkedWhen} Please take a moment to tell us whether the listing is still correct.

            If nothing has changed, open this link and press the button:
            {stillCorrect}

            If something has changed (opening times, address, phone number, anything else), tell us here:
            {somethingChanged}

            The links work for {lifetime}. The first one works once. {last}

            Thank you,
            {siteName}
            """;

        string E(string value) => WebUtility.HtmlEncode(value);
        var html = $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Is your listing still correct?</title></head>
            <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c;">
            <p>Hello,</p>
            <p>&ldquo;{E(listing.Name)}&rdquo; is listed on {E(siteName)}, so that people can find it.
            {E(checkedWhen)} Please take a moment to tell us whether the listing is still correct.</p>
            <p><a href="{E(stillCorrect)}">Yes, the listing is still correct</a></p>
            <p><a href="{E(somethingChanged)}">Something has changed: tell us what</a></p>
            <p>The links work for {E(lifetime)}. The first one works once. {E(last)}</p>
            <p>Thank you,<br>{E(siteName)}</p>
            </body>
            </html>
            """;

        var message = new MimeMessage { Subject = $"Is your listing on {siteName} still correct? {listing.Name}" };
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
