using System.Globalization;
using System.Net;

namespace Signpost.Reminders;

/// <summary>
/// The small pages a reminder's links land on: plain English, self-contained (no scripts, no
/// outside styles), readable at 320 px, everything from the listing HTML-encoded.
/// </summary>
public static class ReminderPages
{
    public static IResult Confirm(ReminderOptions site, string serviceName, DateOnly? lastVerified, string token, string somethingChanged) => Page(site, "Is the listing still correct?", $"""
        <p>You are confirming that the listing for <strong>{E(serviceName)}</strong> on {E(site.SiteName)} is still correct.</p>
        <p>{E(LastChecked(lastVerified))}</p>
        <form method="post">
        <input type="hidden" name="token" value="{E(token)}">
        <button type="submit">Yes, it is still correct</button>
        </form>
        <p>If something has changed, <a href="{E(somethingChanged)}">tell us what has changed</a> instead.</p>
        """);

    public static IResult Confirmed(ReminderOptions site, string serviceName, DateOnly today) => Page(site, "Thank you", $"""
        <p>We have recorded that the listing for <strong>{E(serviceName)}</strong> is still correct, as of {E(Long(today))}.</p>
        <p>You do not need to do anything else. We will ask again in a year or so.</p>
        """);

    public static IResult AlreadyUsed(ReminderOptions site) => Page(site, "This link has already been used", """
        <p>Someone has already used this link to confirm the listing is still correct, so there is nothing more to do.</p>
        <p>If something has changed since, use the other link in the email to tell us.</p>
        """, StatusCodes.Status410Gone);

    public static IResult Expired(ReminderOptions site) => Page(site, "This link has expired", $"""
        <p>The links in our reminder emails only work for a limited time, and this one has run out. Nothing has been changed.</p>
        <p>We will send a new reminder. If the listing needs changing now, find it on {E(site.SiteName)} and choose &ldquo;Suggest a change&rdquo;.</p>
        """, StatusCodes.Status410Gone);

    public static IResult NotValid(ReminderOptions site) => Page(site, "This link does not work", $"""
        <p>This link is not complete or has been changed, so we cannot use it. Nothing has been changed.</p>
        <p>Try copying the whole link from the email into your browser. If the listing needs changing, find it on {E(site.SiteName)} and choose &ldquo;Suggest a change&rdquo;.</p>
        """, StatusCodes.Status400BadRequest);

    public static IResult NotListed(ReminderOptions site) => Page(site, "This listing is no longer in the directory", """
        <p>The listing has been closed or removed, so there is nothing to confirm. Nothing has been changed.</p>
        """, StatusCodes.Status410Gone);

    public static IResult TryAgain(ReminderOptions site) => Page(site, "Something went wrong", """
        <p>We could not record your answer just now. Nothing has been changed. Please go back and try again in a few minutes.</p>
        """, StatusCodes.Status503ServiceUnavailable);

    private static string LastChecked(DateOnly? lastVerified) => lastVerified is { } date
        ? $"We last checked it with you on {Long(date)}."
        : "We have not checked it with you before.";

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static IResult Page(ReminderOptions site, string title, string body, int status = StatusCodes.Status200OK) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{E(title)}} – {{E(site.SiteName)}}</title>
        <style>
        body { font-family: Arial, sans-serif; font-size: 1.1rem; line-height: 1.5; color: #0b0c0c; margin: 0 auto; padding: 1rem; max-width: 38rem; }
        h1 { font-size: 1.6rem; line-height: 1.2; }
        a { color: #1d4f91; }
        button { font: inherit; font-weight: bold; color: #fff; background: #00703c; border: 0; border-radius: 4px; padding: .6rem 1rem; cursor: pointer; }
        a:focus, button:focus { outline: 3px solid #fd0; outline-offset: 2px; }
        </style>
        </head>
        <body>
        <main>
        <p><a href="{{E(site.SiteBaseUrl)}}">{{E(site.SiteName)}}</a></p>
        <h1>{{E(title)}}</h1>
        {{body}}
        </main>
        </body>
        </html>
        """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
