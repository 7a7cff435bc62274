namespace Signpost.Taxonomy;

/// <summary>HSDS <c>taxonomy_term</c>; Signpost's categories form a two-level tree through <see cref="ParentId"/>.</summary>
public sealed class TaxonomyTerm
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public Guid? ParentId { get; set; }
    public Guid? TaxonomyId { get; set; }
    public string? Language { get; set; }
    public string? TermUri { get; set; }
}
