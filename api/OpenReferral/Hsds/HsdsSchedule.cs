using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>
/// HSDS 3.0 <c>schedule</c>: RFC 5545 recurrence fields with local opening and closing times
/// (<c>opens_at</c>/<c>closes_at</c> as written, e.g. <c>10:00</c> or <c>10:00:00</c>).
/// </summary>
public sealed record HsdsSchedule
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; init; }
    [JsonPropertyName("service_at_location_id")] public Guid? ServiceAtLocationId { get; init; }
    [JsonPropertyName("valid_from")] public DateOnly? ValidFrom { get; init; }
    [JsonPropertyName("valid_to")] public DateOnly? ValidTo { get; init; }
    [JsonPropertyName("dtstart")] public DateOnly? DtStart { get; init; }
    [JsonPropertyName("timezone")] public decimal? Timezone { get; init; }
    [JsonPropertyName("until")] public DateOnly? Until { get; init; }
    [JsonPropertyName("count")] public int? Count { get; init; }
    [JsonPropertyName("wkst")] public string? Wkst { get; init; }
    [JsonPropertyName("freq")] public string? Freq { get; init; }
    [JsonPropertyName("interval")] public int? Interval { get; init; }
    [JsonPropertyName("byday")] public string? ByDay { get; init; }
    [JsonPropertyName("byweekno")] public string? ByWeekNo { get; init; }
    [JsonPropertyName("bymonthday")] public string? ByMonthDay { get; init; }
    [JsonPropertyName("byyearday")] public string? ByYearDay { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("opens_at")] public string? OpensAt { get; init; }
    [JsonPropertyName("closes_at")] public string? ClosesAt { get; init; }
    [JsonPropertyName("schedule_link")] public string? ScheduleLink { get; init; }
    [JsonPropertyName("attending_type")] public string? AttendingType { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
