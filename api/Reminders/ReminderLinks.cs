using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Signpost.Reminders;

/// <summary>
/// The signed links in a reminder. A token is the reminder's id, the listing's id and an expiry,
/// encrypted and signed with ASP.NET Core Data Protection (keys kept in the database, rotated, shared
/// by every instance; or in <c>Reminders:KeysFolder</c>). Nobody can make or change one without the keys;
/// the expiry is checked against the app's clock, and "works once" is the reminder row's
/// <see cref="ReviewReminder.ConfirmedAt"/>, set in the same transaction as the verification.
/// </summary>
public sealed class ReminderLinks(IDataProtectionProvider protection, IOptions<ReminderOptions> options, TimeProvider time)
{
    public const string StillCorrectPath = "/reminders/{serviceId:guid}/still-correct";
    public const string SomethingChangedPath = "/reminders/{serviceId:guid}/something-changed";

    private const byte Format = 1;
    private readonly IDataProtector _protector = protection.CreateProtector("Signpost.Reminders.Link.v1");

    public string Token(ReviewReminder reminder)
    {
        var payload = new byte[1 + 8 + 16 + 8];
        payload[0] = Format;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), reminder.Id);
        reminder.ServiceId.TryWriteBytes(payload.AsSpan(9));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(25), (time.GetUtcNow() + options.Value.LinkLifetime).ToUnixTimeSeconds());
        return WebEncoders.Base64UrlEncode(_protector.Protect(payload));
    }

    public string StillCorrect(ReviewReminder reminder) => Address(StillCorrectPath, reminder);

    public string SomethingChanged(ReviewReminder reminder) => Address(SomethingChangedPath, reminder);

    /// <summary>The "something changed" link with a token already given, as a relative address (it keeps that token's expiry).</summary>
    public static string SomethingChanged(Guid serviceId, string token) =>
        $"{SomethingChangedPath.Replace("{serviceId:guid}", serviceId.ToString(), StringComparison.Ordinal)}?token={Uri.EscapeDataString(token)}";

    /// <summary>The site's suggest-a-change form for the listing, the address its service pages link to.</summary>
    public string SuggestChangeForm(Guid serviceId) => $"{options.Value.SiteBaseUrl.TrimEnd('/')}/suggest-a-change/?service={serviceId}";

    /// <summary>What a token says, if it is genuine, for this listing, and still in date.</summary>
    public LinkCheck Check(string? token, Guid serviceId)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new LinkCheck(LinkProblem.NotGenuine, 0);
        }

        if (payload.Length != 33 || payload[0] != Format)
        {
            return new LinkCheck(LinkProblem.NotGenuine, 0);
        }

        var reminderId = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1));
        if (new Guid(payload.AsSpan(9, 16)) != serviceId)
        {
            return new LinkCheck(LinkProblem.OtherListing, reminderId);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(25)));
        return new LinkCheck(time.GetUtcNow() >= expires ? LinkProblem.Expired : null, reminderId);
    }

    private string Address(string path, ReviewReminder reminder) =>
        $"{options.Value.ApiBaseUrl.TrimEnd('/')}{path.Replace("{serviceId:guid}", reminder.ServiceId.ToString(), StringComparison.Ordinal)}?token={Token(reminder)}";
}

/// <summary>A link's token, checked: no problem, or why it cannot be used.</summary>
public sealed record LinkCheck(LinkProblem? Problem, long ReminderId);

public enum LinkProblem
{
    /// <summary>Not made by this directory, or changed since (a mistyped or tampered link).</summary>
    NotGenuine,

    /// <summary>Genuine, but for another listing than the address says.</summary>
    OtherListing,

    Expired,
}
