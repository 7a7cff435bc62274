using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>organization</c>; nested in a service, or on its own with its services.</summary>
public sealed record HsdsOrganization
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("alternate_name")] public string? AlternateName { get; init; }
    /// <summary>Required by the schema; "" when the organisation has none.</summary>
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("website")] public string? Website { get; init; }
    [JsonPropertyName("tax_status")] public string? TaxStatus { get; init; }
    [JsonPropertyName("tax_id")] public string? TaxId { get; init; }
    [JsonPropertyName("year_incorporated")] public decimal? YearIncorporated { get; init; }
    [JsonPropertyName("legal_status")] public string? LegalStatus { get; init; }
    [JsonPropertyName("logo")] public string? Logo { get; init; }
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("parent_organization_id")] public Guid? ParentOrganizationId { get; init; }

    [JsonPropertyName("funding")] public IReadOnlyList<HsdsFunding>? Funding { get; init; }
    [JsonPropertyName("contacts")] public IReadOnlyList<HsdsContact>? Contacts { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("locations")] public IReadOnlyList<HsdsLocation>? Locations { get; init; }
    [JsonPropertyName("programs")] public IReadOnlyList<HsdsProgram>? Programs { get; init; }
    [JsonPropertyName("organization_identifiers")] public IReadOnlyList<HsdsOrganizationIdentifier>? OrganizationIdentifiers { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
    /// <summary>The organisation's services, as <c>organization_full.json</c> nests them.</summary>
    [JsonPropertyName("services")] public IReadOnlyList<HsdsService>? Services { get; init; }
}
