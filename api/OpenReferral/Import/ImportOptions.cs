using System.ComponentModel.DataAnnotations;

namespace Signpost.OpenReferral.Import;

/// <summary>Bounds on reading an import source. Bound from the <c>OpenReferralImport</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "OpenReferralImport";

    /// <summary>The largest response (or file) read, counted while it is read.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The longest one request may take, body included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a whole pull of a feed may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The most list pages read from a feed; more means the feed's paging is broken.</summary>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 10_000;

    /// <summary>Redirects followed for one request, on the same host only.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Services asked for per list page (<c>per_page</c>).</summary>
    [Range(1, 1_000)]
    public int PageSize { get; set; } = 100;
}
