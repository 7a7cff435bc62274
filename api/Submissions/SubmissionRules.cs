using System.Text.RegularExpressions;
using Signpost.GraphQL.Errors;

namespace Signpost.Submissions;

/// <summary>
/// Checks one input value and names it by its input path (<c>input.locations[0].postcode</c>)
/// when it is wrong. Text passes as sent: markup or odd Unicode is stored and returned as data,
/// only control characters (which no form produces) are refused.
/// </summary>
public static partial class SubmissionRules
{
    public const int MaxName = 200;
    public const int MaxText = 4_000;
    public const int MaxShort = 500;
    public const int MaxMessage = 2_000;
    public const int MaxItems = 10;
    public const int MaxSchedules = 20;

    public static string? Text(string? value, string path, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw new InputError(path, "is required") : null;
        }

        if (value.Length > max)
        {
            throw new InputError(path, $"must be at most {max:N0} characters (it has {value.Length:N0})");
        }

        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new InputError(path, "must not contain control characters");
        }

        return value;
    }

    public static string Required(string? value, string path, int max) => Text(value, path, max, required: true)!;

    public static string? WebAddress(string? value, string path)
    {
        value = Text(value, path, 2_048);
        return value is null || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
            ? value?.Trim()
            : throw new InputError(path, "must be a web address starting with https:// or http://");
    }

    public static string? Email(string? value, string path)
    {
        value = Text(value, path, 254);
        return value is null || EmailShape().IsMatch(value.Trim())
            ? value?.Trim()
            : throw new InputError(path, "must be an email address, e.g. name@example.org");
    }

    public static string? Phone(string? value, string path)
    {
        value = Text(value, path, 32);
        return value is null || (PhoneShape().IsMatch(value.Trim()) && value.Count(char.IsAsciiDigit) >= 6)
            ? value?.Trim()
            : throw new InputError(path, "must be a phone number of digits, spaces and + ( ) -, e.g. 01395 512345");
    }

    /// <summary>A full UK postcode in its usual form ("EX10 8XX"); a district alone is not enough to find a place.</summary>
    public static string? FullPostcode(string? value, string path)
    {
        value = Text(value, path, 16);
        if (value is null)
        {
            return null;
        }

        return Signpost.Geo.Postcodes.Postcode.TryParse(value, out var postcode) && postcode!.Incode is not null
            ? postcode.ToString()
            : throw new InputError(path, $"'{value}' is not a full UK postcode, e.g. EX10 8XX");
    }

    public static void Ages(int? minimum, int? maximum, string path)
    {
        if (minimum is < 0 or > 120)
        {
            throw new InputError($"{path}.minimumAge", "must be between 0 and 120");
        }

        if (maximum is < 0 or > 120)
        {
            throw new InputError($"{path}.maximumAge", "must be between 0 and 120");
        }

        if (minimum > maximum)
        {
            throw new InputError($"{path}.minimumAge", "must not be more than maximumAge");
        }
    }

    public static List<T> Items<T>(List<T>? items, string path, int max, bool required = false)
    {
        items ??= [];
        if (required && items.Count == 0)
        {
            throw new InputError(path, "needs at least one item");
        }

        return items.Count <= max ? items : throw new InputError(path, $"must have at most {max} items (it has {items.Count})");
    }

    [GeneratedRegex(@"^[^@\s<>""'(),;:\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9 ()-]{6,32}$")]
    private static partial Regex PhoneShape();
}
