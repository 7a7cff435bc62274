using Signpost.OpeningHours;

namespace Signpost.Tests;

public sealed class OpeningHoursTextTests
{
    [Theory]
    [InlineData("WEEKLY", 1, "TU,TH", "10:00", "12:30", "Tuesdays and Thursdays, 10am–12:30pm")]
    [InlineData("WEEKLY", 1, "MO,TU,WE,TH,FR", "08:00", "18:30", "Monday to Friday, 8am–6:30pm")]
    [InlineData("WEEKLY", 1, "MO,WE,FR", "09:00", "17:00", "Mondays, Wednesdays and Fridays, 9am–5pm")]
    [InlineData("WEEKLY", 2, "WE", "13:30", "15:00", "Every other Wednesday, 1:30pm–3pm")]
    [InlineData("MONTHLY", 1, "2TU", "10:00", "12:00", "2nd Tuesday of the month, 10am–12pm")]
    [InlineData("MONTHLY", 1, "-1FR", "19:00", "21:00", "Last Friday of the month, 7pm–9pm")]
    [InlineData("MONTHLY", 1, "1WE,3WE", "14:00", "16:00", "1st and 3rd Wednesday of the month, 2pm–4pm")]
    [InlineData("DAILY", 1, null, "00:00", "23:59", "Every day, 24 hours")]
    [InlineData("DAILY", 1, null, "12:00", "13:00", "Every day, 12pm–1pm")]
    public void SchedulesReadAsPlainEnglish(string freq, int interval, string? byDay, string opens, string closes, string expected)
    {
        var schedule = new Schedule { Freq = freq, Interval = interval, ByDay = byDay, OpensAt = opens, ClosesAt = closes };
        Assert.Equal(expected, OpeningHoursText.Describe(schedule));
    }

    [Fact]
    public void ASchedulWithoutRecurrenceUsesItsDescription()
    {
        Assert.Equal("By appointment", OpeningHoursText.Describe(new Schedule { Description = "By appointment" }));
    }

    [Theory]
    [InlineData("WEEKLY", "XX", "10:00", "12:00", "byday")]
    [InlineData("MONTHLY", "TU", "10:00", "12:00", "byday")]
    [InlineData("WEEKLY", "TU", "25:00", "12:00", "opens_at")]
    [InlineData("WEEKLY", "TU", "12:00", "10:00", "closes_at")]
    [InlineData("HOURLY", "TU", "10:00", "12:00", "freq")]
    public void InvalidSchedulesNameTheField(string freq, string byDay, string opens, string closes, string field)
    {
        Assert.Equal(field, ScheduleRules.Validate(freq, 1, byDay, opens, closes, null)?.Field);
    }

    [Theory]
    [InlineData(2026, 11, 10, "TU", "2TU", null)]       // 2nd Tuesday
    [InlineData(2026, 11, 24, "TU", "4TU", "-1TU")]     // 4th and last Tuesday
    [InlineData(2026, 11, 30, "MO", "5MO", "-1MO")]
    [InlineData(2026, 11, 1, "SU", "1SU", null)]
    public void MomentsBreakIntoDayTokens(int year, int month, int day, string dayCode, string nth, string? last)
    {
        var moment = OpenAtMoment.From(new DateTime(year, month, day, 10, 0, 0), new BankHolidays([]));
        Assert.Equal(dayCode, moment.DayCode);
        Assert.Equal(nth, moment.NthDayCode);
        Assert.Equal(last, moment.LastDayCode);
    }

    [Fact]
    public void UkLocalTimeFollowsBritishSummerTime()
    {
        Assert.Equal(new DateTime(2026, 7, 14, 9, 30, 0), UkLocalTime.ToUkLocal(new DateTime(2026, 7, 14, 8, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 1, 14, 8, 30, 0), UkLocalTime.ToUkLocal(new DateTime(2026, 1, 14, 8, 30, 0, DateTimeKind.Utc)));
    }
}
