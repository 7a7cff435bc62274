namespace Signpost.Taxonomy;

/// <summary>HSDS <c>taxonomy</c>: a named vocabulary of terms.</summary>
public sealed class TaxonomyScheme
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }
}
