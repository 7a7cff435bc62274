namespace Signpost.OpeningHours;

/// <summary>Opening hours are kept in UK local time; this converts instants to it.</summary>
public static class UkLocalTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>
    /// The UK wall-clock time of <paramref name="value"/>. A value with no offset
    /// (<see cref="DateTimeKind.Unspecified"/>) is taken to be UK local time already.
    /// </summary>
    public static DateTime ToUkLocal(DateTime value) => value.Kind switch
    {
        DateTimeKind.Unspecified => value,
        _ => TimeZoneInfo.ConvertTime(value.ToUniversalTime(), TimeZoneInfo.Utc, Zone),
    };

    public static DateTime ToUkLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone).DateTime;
}
