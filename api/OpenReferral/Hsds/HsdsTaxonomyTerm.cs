using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>HSDS 3.0 <c>taxonomy_term</c>.</summary>
public sealed record HsdsTaxonomyTerm
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("description")] public string Description { get; init; } = "";
    [JsonPropertyName("parent_id")] public Guid? ParentId { get; init; }
    /// <summary>The taxonomy's name, where there is no <c>taxonomy_id</c>.</summary>
    [JsonPropertyName("taxonomy")] public string? Taxonomy { get; init; }
    [JsonPropertyName("taxonomy_detail")] public HsdsTaxonomy? TaxonomyDetail { get; init; }
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("taxonomy_id")] public Guid? TaxonomyId { get; init; }
    [JsonPropertyName("term_uri")] public string? TermUri { get; init; }
    /// <summary>ORUK's name for the term's text.</summary>
    [JsonPropertyName("term")] public string? Term { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
