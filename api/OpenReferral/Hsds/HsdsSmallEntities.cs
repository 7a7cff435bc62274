using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>funding</c> of an organisation or service.</summary>
public sealed record HsdsFunding
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}

/// <summary>HSDS 3.0 <c>organization_identifier</c>, e.g. a charity or company number.</summary>
public sealed record HsdsOrganizationIdentifier
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("identifier_scheme")] public string? IdentifierScheme { get; init; }
    [JsonPropertyName("identifier_type")] public string IdentifierType { get; init; } = "";
    [JsonPropertyName("identifier")] public string Identifier { get; init; } = "";
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}

/// <summary>HSDS 3.0 <c>program</c>: a group of an organisation's services.</summary>
public sealed record HsdsProgram
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("alternate_name")] public string? AlternateName { get; init; }
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}

/// <summary>HSDS 3.0 <c>required_document</c> for a service.</summary>
public sealed record HsdsRequiredDocument
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("service_id")] public Guid? ServiceId { get; init; }
    [JsonPropertyName("document")] public string? Document { get; init; }
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
