using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>attribute</c>: links any entity (<c>link_entity</c>, <c>link_id</c>) to a taxonomy term.</summary>
public sealed record HsdsAttribute
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("link_id")] public Guid? LinkId { get; init; }
    [JsonPropertyName("taxonomy_term_id")] public Guid? TaxonomyTermId { get; init; }
    [JsonPropertyName("link_type")] public string? LinkType { get; init; }
    [JsonPropertyName("link_entity")] public string? LinkEntity { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("taxonomy_term")] public HsdsTaxonomyTerm? TaxonomyTerm { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
