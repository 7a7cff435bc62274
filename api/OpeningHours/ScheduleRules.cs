using System.Globalization;
using System.Text.RegularExpressions;

namespace Signpost.OpeningHours;

/// <summary>
/// What a valid schedule looks like. Used by every write path so that the SQL "open at" filter
/// and the plain-English text only ever meet schedules they understand.
/// </summary>
public static partial class ScheduleRules
{
    public const string Daily = "DAILY";
    public const string Weekly = "WEEKLY";
    public const string Monthly = "MONTHLY";

    public static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>Returns null when valid, else the problem and the field it is in.</summary>
    public static (string Field, string Problem)? Validate(string? freq, int? interval, string? byDay, string? opensAt, string? closesAt, string? description)
    {
        if (freq is null)
        {
            return string.IsNullOrWhiteSpace(description)
                ? ("description", "a schedule without freq needs a description (e.g. \"By appointment\")")
                : null;
        }

        if (freq is not (Daily or Weekly or Monthly))
        {
            return ("freq", "must be DAILY, WEEKLY or MONTHLY");
        }

        if (interval is < 1 or > 52)
        {
            return ("interval", "must be between 1 and 52");
        }

        if (!TryParseTime(opensAt, out var opens))
        {
            return ("opens_at", "must be a 24-hour time HH:MM");
        }

        if (!TryParseTime(closesAt, out var closes))
        {
            return ("closes_at", "must be a 24-hour time HH:MM");
        }

        if (closes <= opens)
        {
            return ("closes_at", "must be later than opens_at");
        }

        if (freq == Daily)
        {
            return byDay is null ? null : ("byday", "is not used with DAILY");
        }

        if (string.IsNullOrWhiteSpace(byDay))
        {
            return ("byday", $"is required with {freq}");
        }

        foreach (var token in byDay.Split(','))
        {
            var valid = freq == Weekly ? DayCodes.Contains(token) : MonthlyDay().IsMatch(token);
            if (!valid)
            {
                return ("byday", freq == Weekly
                    ? $"'{token}' is not a day code (MO, TU, WE, TH, FR, SA, SU)"
                    : $"'{token}' is not an ordinal day such as 2TU or -1FR");
            }
        }

        return null;
    }

    public static bool TryParseTime(string? value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    // 1st to 5th, or last (-1), weekday of the month.
    [GeneratedRegex("^(-1|[1-5])(MO|TU|WE|TH|FR|SA|SU)$")]
    public static partial Regex MonthlyDay();
}
