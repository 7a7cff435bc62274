using System.ComponentModel.DataAnnotations;

namespace Signpost.Submissions;

/// <summary>Limits on public submissions. Bound from the <c>Submissions</c> configuration section.</summary>
public sealed class SubmissionOptions
{
    public const string SectionName = "Submissions";

    /// <summary>Submissions (listings, suggestions and reports together) one client may send per window.</summary>
    [Range(1, 10_000)]
    public int PerClientLimit { get; set; } = 10;

    /// <summary>The window the limit applies to.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
