using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>accessibility</c> of a location.</summary>
public sealed record HsdsAccessibility
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("details")] public string? Details { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
