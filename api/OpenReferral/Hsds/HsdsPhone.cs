using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>phone</c>; belongs to an organisation, service, location, contact or service at location.</summary>
public sealed record HsdsPhone
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("contact_id")] public Guid? ContactId { get; init; }
    [JsonPropertyName("service_at_location_id")] public Guid? ServiceAtLocationId { get; init; }
    [JsonPropertyName("number")] public string Number { get; init; } = "";
    /// <summary>A number in HSDS 3.0; anything else stays in the description.</summary>
    [JsonPropertyName("extension")] public decimal? Extension { get; init; }
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("languages")] public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
