namespace Signpost.OpenReferral.Import;

/// <summary>
/// One source service turned into Signpost's entities, checked and ready to store: its
/// organisation, the locations it is delivered at, the source's taxonomy terms it carries and
/// the Signpost categories they map to.
/// </summary>
public sealed record ImportedListing(
    Organization Organization,
    Service Service,
    List<Location> Locations,
    List<SourceTerm> Terms,
    List<Guid> CategoryIds,
    List<string> Warnings,
    List<SourceTerm> UnmappedTerms,
    Dictionary<Guid, Guid> AttributeIds);

/// <summary>A source's taxonomy term with its taxonomy, kept as the source has it.</summary>
public sealed record SourceTerm(TaxonomyScheme Taxonomy, TaxonomyTerm Term, string? SourceCode);
