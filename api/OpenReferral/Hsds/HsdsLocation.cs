using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>location</c>: where a service is delivered, or a postal or virtual place.</summary>
public sealed record HsdsLocation
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    /// <summary><c>physical</c>, <c>postal</c> or <c>virtual</c>.</summary>
    [JsonPropertyName("location_type")] public string LocationType { get; init; } = "";
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("alternate_name")] public string? AlternateName { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("transportation")] public string? Transportation { get; init; }
    [JsonPropertyName("latitude")] public double? Latitude { get; init; }
    [JsonPropertyName("longitude")] public double? Longitude { get; init; }
    [JsonPropertyName("external_identifier")] public string? ExternalIdentifier { get; init; }
    [JsonPropertyName("external_identifier_type")] public string? ExternalIdentifierType { get; init; }

    [JsonPropertyName("languages")] public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    [JsonPropertyName("addresses")] public IReadOnlyList<HsdsAddress>? Addresses { get; init; }
    [JsonPropertyName("contacts")] public IReadOnlyList<HsdsContact>? Contacts { get; init; }
    [JsonPropertyName("accessibility")] public IReadOnlyList<HsdsAccessibility>? Accessibility { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("schedules")] public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
