using System.Globalization;
using Microsoft.Extensions.Primitives;
using Signpost.Search;

namespace Signpost.OpenReferral.Feed;

/// <summary>The query string of a list request, read strictly: any bad value is a <see cref="FeedError"/> naming it.</summary>
public sealed class FeedParameters(IQueryCollection query)
{
    public string? Text(string name, int maxLength = SearchLimits.MaxTextLength)
    {
        var value = Single(name);
        if (value is { Length: var length } && length > maxLength)
        {
            throw FeedError.BadParameter(name, $"must be at most {maxLength} characters");
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int Int(string name, int fallback, int min, int max)
    {
        var value = Single(name);
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            throw FeedError.BadParameter(name, $"must be a whole number between {min} and {max}");
        }

        return number;
    }

    public int? OptionalInt(string name, int min, int max) => Single(name) is null ? null : Int(name, 0, min, max);

    public bool Bool(string name) => Single(name) switch
    {
        null => false,
        "true" => true,
        "false" => false,
        _ => throw FeedError.BadParameter(name, "must be true or false"),
    };

    public Guid? Id(string name) => Single(name) switch
    {
        null => null,
        var value when Guid.TryParseExact(value, "D", out var id) => id,
        _ => throw FeedError.BadParameter(name, "must be a UUID"),
    };

    public DateTimeOffset? DateTime(string name)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        // ISO 8601; a moment without a zone is taken as UTC so the answer does not depend on the server.
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
            || !value.Contains('-', StringComparison.Ordinal))
        {
            throw FeedError.BadParameter(name, "must be an ISO 8601 date-time, e.g. 2026-11-24T10:30:00Z");
        }

        return moment;
    }

    /// <summary><c>HH:mm</c> (seconds, if given, are dropped: schedules are kept to the minute).</summary>
    public string? Time(string name)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (!TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw FeedError.BadParameter(name, "must be a time as HH:mm, e.g. 09:30");
        }

        return time.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A day of the week: <c>MO</c>…<c>SU</c> or its English name (<c>Monday</c>), as an RFC 5545 code.</summary>
    public string? Day(string name)
    {
        var value = Single(name)?.Trim();
        if (value is null)
        {
            return null;
        }

        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var code = day.ToString()[..2].ToUpperInvariant();
            if (value.Equals(code, StringComparison.OrdinalIgnoreCase) || value.Equals(day.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        throw FeedError.BadParameter(name, "must be a day of the week: MO, TU, WE, TH, FR, SA, SU (or Monday … Sunday)");
    }

    /// <summary>The first of <paramref name="names"/> the query string gives, if any.</summary>
    public string? FirstGiven(IEnumerable<string> names) => names.FirstOrDefault(query.ContainsKey);

    /// <summary>A parameter given once; repeating it is ambiguous, so it is an error.</summary>
    private string? Single(string name)
    {
        var values = query.TryGetValue(name, out var v) ? v : StringValues.Empty;
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw FeedError.BadParameter(name, "give it at most once"),
        };
    }
}
