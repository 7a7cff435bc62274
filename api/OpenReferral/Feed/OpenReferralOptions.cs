using System.ComponentModel.DataAnnotations;

namespace Signpost.OpenReferral.Feed;

/// <summary>Bounds on the public ORUK feed. Bound from the <c>OpenReferral</c> configuration section.</summary>
public sealed class OpenReferralOptions
{
    public const string SectionName = "OpenReferral";

    [Range(1, 1000, ErrorMessage = "OpenReferral:DefaultPerPage must be between 1 and 1000.")]
    public int DefaultPerPage { get; set; } = 50;

    /// <summary>The largest page: each page is loaded whole, so this bounds a request's memory.</summary>
    [Range(1, 1000, ErrorMessage = "OpenReferral:MaxPerPage must be between 1 and 1000.")]
    public int MaxPerPage { get; set; } = 200;

    /// <summary>Longest a paged request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "OpenReferral:RequestTimeout must be between 00:00:01 and 00:10:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest an ndjson stream (every matching record) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "OpenReferral:StreamTimeout must be between 00:00:01 and 01:00:00.")]
    public TimeSpan StreamTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Most services a filter on <c>/service_at_locations</c> or <c>/organizations</c> may match:
    /// those lists read every matching service's id at once (16 bytes each, plus its name).
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "OpenReferral:MaxMatchedServices must be between 1 and 1000000.")]
    public int MaxMatchedServices { get; set; } = 20_000;

    /// <summary>Records read from the database at a time while streaming.</summary>
    public const int StreamBatchSize = 100;
}
