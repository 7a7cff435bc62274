using System.Collections.Frozen;
using System.Globalization;

namespace Signpost.OpeningHours;

/// <summary>
/// UK (England and Wales) bank holidays from data-seed/bank-holidays.csv. On a bank holiday only
/// DAILY schedules (24/7 lines and the like) count as open; weekly and monthly sessions do not run.
/// </summary>
public sealed class BankHolidays
{
    private readonly FrozenDictionary<DateOnly, string> _days;

    public BankHolidays(IEnumerable<KeyValuePair<DateOnly, string>> days) => _days = days.ToFrozenDictionary();

    public bool IsBankHoliday(DateOnly date) => _days.ContainsKey(date);

    /// <summary>Every known bank holiday, in date order.</summary>
    public IEnumerable<DateOnly> Dates => _days.Keys.Order();

    public static BankHolidays Load(string csvFile)
    {
        var days = new Dictionary<DateOnly, string>();
        foreach (var (line, number) in File.ReadLines(csvFile).Select((l, i) => (l, i + 1)).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var comma = line.IndexOf(',');
            if (comma < 0 || !DateOnly.TryParseExact(line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new InvalidDataException($"{Path.GetFileName(csvFile)}:{number}: expected 'yyyy-MM-dd,name' but found '{line}'.");
            }

            days[date] = line[(comma + 1)..];
        }

        return new BankHolidays(days);
    }
}
