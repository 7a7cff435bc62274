using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>service_at_location</c>: a service delivered at a location, with the location nested.</summary>
public sealed record HsdsServiceAtLocation
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("contacts")] public IReadOnlyList<HsdsContact>? Contacts { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("schedules")] public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }
    [JsonPropertyName("location")] public HsdsLocation? Location { get; init; }
    /// <summary>The service, as <c>service_at_location_full.json</c> nests it.</summary>
    [JsonPropertyName("service")] public HsdsService? Service { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
