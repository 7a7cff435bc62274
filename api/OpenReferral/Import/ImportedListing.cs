namespace Signpost.OpenReferral.Import;

/// <summary>
/// One source service turned into Signpost's entities, checked and ready to store: its
/// organisation (with the organisation's own phones and contacts), the locations it is delivered
/// at with their languages and schedules, the source's taxonomy terms it carries, the Signpost
/// categories they map to, and its links to both. <c>NotKept</c> lists the source's fields that
/// Signpost has no place for.
/// </summary>
public sealed record ImportedListing(
    Organization Organization,
    Service Service,
    List<Location> Locations,
    LocationDetails LocationDetails,
    List<SourceTerm> Terms,
    List<Guid> CategoryIds,
    List<ServiceAttribute> Attributes,
    List<string> Warnings,
    List<SourceTerm> UnmappedTerms,
    List<string> NotKept);

/// <summary>A source's taxonomy term with its taxonomy, kept as the source has it.</summary>
public sealed record SourceTerm(TaxonomyScheme Taxonomy, TaxonomyTerm Term, string? SourceCode);

/// <summary>
/// The languages and schedules of a listing's locations: rows that name their location
/// (<c>location_id</c>), which <see cref="Location"/> has no list of.
/// </summary>
public sealed record LocationDetails(List<Language> Languages, List<Schedule> Schedules);
