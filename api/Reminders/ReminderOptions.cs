using System.ComponentModel.DataAnnotations;

namespace Signpost.Reminders;

/// <summary>Review reminders to providers, bound from <c>Reminders</c> and checked at start-up.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    public static readonly int[] DefaultThresholdMonths = [10, 11, 12];

    /// <summary>
    /// Months without verification after which a reminder goes, in ascending order; past the last
    /// one the listing is flagged for moderators. Null: <see cref="DefaultThresholdMonths"/> (a
    /// list here would be added to, not replaced, by configuration).
    /// </summary>
    public int[]? ThresholdMonths { get; set; }

    public IReadOnlyList<int> Thresholds => ThresholdMonths is { Length: > 0 } configured ? configured : DefaultThresholdMonths;

    /// <summary>Whether the API sends reminders by itself every <see cref="Interval"/>; the command works either way.</summary>
    public bool SendOnSchedule { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "31.00:00:00", ErrorMessage = "Reminders:Interval must be between 00:01:00 and 31.00:00:00.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long after start the first scheduled run waits, so a restart does not race the database's start.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Reminders:FirstRunDelay must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a reminder's links work.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00", ErrorMessage = "Reminders:LinkLifetime must be between 01:00:00 and 365.00:00:00.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The public website, whose suggest-a-change form the "something changed" link opens.</summary>
    [Required(ErrorMessage = "Reminders:SiteBaseUrl is required.")]
    public string SiteBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>This API's public address, where the links in the email land.</summary>
    [Required(ErrorMessage = "Reminders:ApiBaseUrl is required.")]
    public string ApiBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>The directory's name as the email and its pages say it.</summary>
    [Required(ErrorMessage = "Reminders:SiteName is required.")]
    [StringLength(100, ErrorMessage = "Reminders:SiteName must be at most 100 characters.")]
    public string SiteName { get; set; } = "Signpost";

    /// <summary>
    /// A folder (relative to the app's folder) for the keys that sign links, cookies and form tokens.
    /// Empty, the default: they are kept in the database, shared by every instance and in its backups.
    /// </summary>
    public string? KeysFolder { get; set; }

    /// <summary>Problems with the settings data annotations cannot see, in the words an operator needs.</summary>
    public IEnumerable<string> Problems()
    {
        var thresholds = Thresholds;
        if (thresholds.Any(t => t is < 1 or > 120))
        {
            yield return "Reminders:ThresholdMonths must each be between 1 and 120.";
        }

        if (thresholds.Zip(thresholds.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            yield return $"Reminders:ThresholdMonths must be in ascending order with no repeats (they are {string.Join(", ", thresholds)}).";
        }

        foreach (var (name, value) in new[] { ("SiteBaseUrl", SiteBaseUrl), ("ApiBaseUrl", ApiBaseUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                yield return $"Reminders:{name} must be an http or https address with no query, e.g. https://signpost.example.org.";
            }
        }
    }
}
