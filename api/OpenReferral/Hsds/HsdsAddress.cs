using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>address</c> of a location.</summary>
public sealed record HsdsAddress
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("location_id")] public Guid? LocationId { get; init; }
    [JsonPropertyName("attention")] public string? Attention { get; init; }
    [JsonPropertyName("address_1")] public string Address1 { get; init; } = "";
    [JsonPropertyName("address_2")] public string? Address2 { get; init; }
    [JsonPropertyName("city")] public string City { get; init; } = "";
    [JsonPropertyName("region")] public string? Region { get; init; }
    [JsonPropertyName("state_province")] public string StateProvince { get; init; } = "";
    [JsonPropertyName("postal_code")] public string PostalCode { get; init; } = "";
    [JsonPropertyName("country")] public string Country { get; init; } = "";
    /// <summary><c>physical</c>, <c>postal</c> or <c>virtual</c>.</summary>
    [JsonPropertyName("address_type")] public string AddressType { get; init; } = "";
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
