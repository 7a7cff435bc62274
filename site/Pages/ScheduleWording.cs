using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Signpost.Site.Api;

namespace Signpost.Site.Pages;

/// <summary>
/// Opening hours as a page shows them: what each schedule is for ("Advice line"), taken from the
/// provider's own wording, and the compact form the browser reads to say what is open now
/// (assets/hours.js, shared by the service pages and the search).
/// </summary>
public static partial class ScheduleWording
{
    // Words that say when rather than what: the label is what comes before the first of them.
    private static readonly HashSet<string> When = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
        "every", "each", "daily", "weekly", "monthly", "fortnightly", "weekdays", "weekends", "weekday", "weekend",
        "first", "second", "third", "fourth", "last", "1st", "2nd", "3rd", "4th",
        "mornings", "afternoons", "evenings", "nights",
        "open", "opens", "from", "on", "at", "by", "term", "staffed", "available", "extended", "out", "24", "24-hour", "24-hours", "day", "days", "hours",
    };

    // Words that only restate days and times: a provider's wording with nothing else adds nothing to the hours.
    private static readonly HashSet<string> Restating = new(When, StringComparer.OrdinalIgnoreCase)
    {
        "to", "and", "until", "till", "a", "the", "of", "month", "week", "other", "am", "pm", "noon", "midday", "midnight", "hour", "morning", "afternoon", "evening", "night",
    };

    /// <summary>What the schedule is for ("Advice line"), when the provider's wording names it before the days and times.</summary>
    public static string? Label(Schedule schedule)
    {
        if (schedule.Freq is null || string.IsNullOrWhiteSpace(schedule.Description))
        {
            return null;
        }

        var first = schedule.Description.Split([',', ';', ':', '(', '.'], 2)[0];
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0].StartsWith("24", StringComparison.Ordinal))
        {
            words.RemoveAt(0); // "24-hour advice line": the hours are said elsewhere
        }

        var cut = words.FindIndex(w => When.Contains(w) || char.IsAsciiDigit(w[0]));
        var label = string.Join(' ', cut < 0 ? words : words.Take(cut)).Trim();
        return label.Length is 0 or > 60 ? null : char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];
    }

    /// <summary>The provider's wording when it says more than the days and times do ("in term time", "at the library").</summary>
    public static string? Note(Schedule schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule.Description) || schedule.Freq is null)
        {
            return null;
        }

        var label = Label(schedule) ?? "";
        var labelWords = new HashSet<string>(Words(label), StringComparer.OrdinalIgnoreCase);
        var rest = Words(schedule.Description).Where(w => !labelWords.Contains(w) && !Restating.Contains(w) && !char.IsAsciiDigit(w[0]));
        return rest.Any() ? schedule.Description.Trim() : null;
    }

    /// <summary>The hours as one line: "Advice line: every day, 24 hours".</summary>
    public static string Line(Schedule schedule) => Label(schedule) is { } label && schedule.Text.Length > 0
        ? $"{label}: {(StartsWithDay(schedule.Text) ? schedule.Text : char.ToLower(schedule.Text[0], CultureInfo.InvariantCulture) + schedule.Text[1..])}"
        : schedule.Text;

    /// <summary>The compact form the browser reads (assets/hours.js): freq, days, interval, opens, closes, dtstart, valid from, valid to, until.</summary>
    public static JsonArray? Data(Schedule h) => h.Freq is null
        ? null
        : new JsonArray(h.Freq, h.ByDay, h.Interval ?? 1, h.OpensAt, h.ClosesAt, Day(h.DtStart), Day(h.ValidFrom), Day(h.ValidTo), Day(h.Until));

    /// <summary>A day as the browser reads it (ISO 8601).</summary>
    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool StartsWithDay(string text) => text.StartsWith("Mon", StringComparison.Ordinal) || text.StartsWith("Tue", StringComparison.Ordinal)
        || text.StartsWith("Wed", StringComparison.Ordinal) || text.StartsWith("Thu", StringComparison.Ordinal) || text.StartsWith("Fri", StringComparison.Ordinal)
        || text.StartsWith("Sat", StringComparison.Ordinal) || text.StartsWith("Sun", StringComparison.Ordinal);

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+")]
    private static partial Regex WordPattern();
}
