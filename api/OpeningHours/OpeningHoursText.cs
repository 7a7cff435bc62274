using System.Globalization;

namespace Signpost.OpeningHours;

/// <summary>Schedules in plain English: "2nd Tuesday of the month, 10am–12pm".</summary>
public static class OpeningHoursText
{
    private static readonly Dictionary<string, string> DayNames = new(StringComparer.Ordinal)
    {
        ["MO"] = "Monday", ["TU"] = "Tuesday", ["WE"] = "Wednesday", ["TH"] = "Thursday",
        ["FR"] = "Friday", ["SA"] = "Saturday", ["SU"] = "Sunday",
    };

    public static string Describe(Schedule schedule)
    {
        if (schedule.Freq is null || !ScheduleRules.TryParseTime(schedule.OpensAt, out var opens) || !ScheduleRules.TryParseTime(schedule.ClosesAt, out var closes))
        {
            return schedule.Description ?? "";
        }

        var hours = opens == TimeOnly.MinValue && closes >= new TimeOnly(23, 59) ? "24 hours" : $"{Clock(opens)}–{Clock(closes)}";
        var days = schedule.Freq switch
        {
            ScheduleRules.Daily => "Every day",
            ScheduleRules.Weekly => Weekly(schedule.ByDay ?? "", schedule.Interval ?? 1),
            _ => Monthly(schedule.ByDay ?? ""),
        };
        return $"{days}, {hours}";
    }

    private static string Weekly(string byDay, int interval)
    {
        var days = byDay.Split(',');
        if (interval > 1)
        {
            var which = interval == 2 ? "Every other" : $"Every {interval} weeks on";
            return $"{which} {List(days.Select(d => DayNames[d]).ToList())}";
        }

        if (days.Length >= 3 && IsRun(days))
        {
            return $"{DayNames[days[0]]} to {DayNames[days[^1]]}";
        }

        return List(days.Select(d => DayNames[d] + "s").ToList());
    }

    private static string Monthly(string byDay)
    {
        var parsed = byDay.Split(',').Select(t => (Ordinal: t[..^2], Day: t[^2..])).ToList();
        if (parsed.Select(p => p.Day).Distinct().Count() == 1)
        {
            return $"{List(parsed.Select(p => Ordinal(p.Ordinal)).ToList())} {DayNames[parsed[0].Day]} of the month";
        }

        return List(parsed.Select(p => $"{Ordinal(p.Ordinal)} {DayNames[p.Day]}").ToList()) + " of the month";
    }

    private static bool IsRun(string[] days)
    {
        var indexes = days.Select(d => Array.IndexOf(ScheduleRules.DayCodes, d)).ToArray();
        return indexes.Zip(indexes.Skip(1)).All(pair => pair.Second == pair.First + 1);
    }

    private static string Ordinal(string n) => n switch
    {
        "-1" => "Last",
        "1" => "1st",
        "2" => "2nd",
        "3" => "3rd",
        _ => n + "th",
    };

    private static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>"10am", "12:30pm", "12pm" (noon).</summary>
    public static string Clock(TimeOnly time)
    {
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var suffix = time.Hour < 12 ? "am" : "pm";
        return time.Minute == 0
            ? $"{hour}{suffix}"
            : string.Create(CultureInfo.InvariantCulture, $"{hour}:{time.Minute:00}{suffix}");
    }
}
