using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>language</c> of a service, location or phone.</summary>
public sealed record HsdsLanguage
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; init; }
    [JsonPropertyName("phone_id")] public Guid? PhoneId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    /// <summary>ISO 639 code, e.g. <c>en</c>, <c>pl</c>.</summary>
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
