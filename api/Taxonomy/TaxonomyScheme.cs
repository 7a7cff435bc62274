namespace Signpost.Taxonomy;

/// <summary>HSDS <c>taxonomy</c>: a named vocabulary of terms.</summary>
public sealed class TaxonomyScheme
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }

    /// <summary>
    /// The import source a taxonomy came with (kept so imported services keep their own terms);
    /// null for Signpost's own categories, the only terms offered as needs.
    /// </summary>
    public string? ImportedFrom { get; set; }
}
