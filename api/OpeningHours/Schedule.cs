namespace Signpost.OpeningHours;

/// <summary>
/// HSDS <c>schedule</c>: when a service is available, as RFC 5545 recurrence fields
/// (<c>freq</c>, <c>interval</c>, <c>byday</c>) with local opening and closing times.
/// </summary>
public sealed class Schedule
{
    public Guid Id { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? LocationId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public DateOnly? DtStart { get; set; }
    public DateOnly? Until { get; set; }
    /// <summary><c>DAILY</c>, <c>WEEKLY</c> or <c>MONTHLY</c>; null for "by appointment" style notes.</summary>
    public string? Freq { get; set; }
    public int? Interval { get; set; }
    /// <summary>Comma list of day codes; monthly ones carry an ordinal (<c>2TU</c>, <c>-1FR</c>).</summary>
    public string? ByDay { get; set; }
    /// <summary>Opening time, 24-hour <c>HH:mm</c>, UK local time.</summary>
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? Description { get; set; }
    public string? Notes { get; set; }
}
