using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>service_area</c>; <c>extent</c> is text in the format <c>extent_type</c> names (e.g. <c>geojson</c>).</summary>
public sealed record HsdsServiceArea
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("extent")] public string? Extent { get; init; }
    [JsonPropertyName("extent_type")] public string? ExtentType { get; init; }
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
