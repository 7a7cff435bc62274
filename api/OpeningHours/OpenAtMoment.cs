using System.Globalization;

namespace Signpost.OpeningHours;

/// <summary>
/// A UK local moment broken into the tokens the "open at" SQL compares with schedule fields:
/// the date and time as text, the day code (<c>TU</c>), its ordinal in the month (<c>2TU</c>),
/// whether it is the last such day (<c>-1TU</c>), the Monday of its week (for fortnightly
/// schedules) and whether it is a bank holiday.
/// </summary>
public sealed record OpenAtMoment(string Date, string Time, string DayCode, string NthDayCode, string? LastDayCode, string WeekMonday, bool IsBankHoliday)
{
    public static OpenAtMoment From(DateTime ukLocal, BankHolidays bankHolidays)
    {
        var date = DateOnly.FromDateTime(ukLocal);
        var dayCode = ScheduleRules.DayCodes[((int)ukLocal.DayOfWeek + 6) % 7];
        var nth = (ukLocal.Day - 1) / 7 + 1;
        var isLast = ukLocal.Day + 7 > DateTime.DaysInMonth(ukLocal.Year, ukLocal.Month);
        var monday = date.AddDays(-(((int)ukLocal.DayOfWeek + 6) % 7));
        return new OpenAtMoment(
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ukLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
            dayCode,
            $"{nth}{dayCode}",
            isLast ? $"-1{dayCode}" : null,
            monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bankHolidays.IsBankHoliday(date));
    }
}
