using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>taxonomy</c>: a named vocabulary of terms.</summary>
public sealed record HsdsTaxonomy
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("uri")] public string? Uri { get; init; }
    [JsonPropertyName("version")] public string? Version { get; init; }
    [JsonPropertyName("taxonomy_terms")] public IReadOnlyList<HsdsTaxonomyTerm>? TaxonomyTerms { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
