namespace Signpost.Taxonomy;

/// <summary>
/// HSDS <c>attribute</c> linking a service to a taxonomy term. HSDS links are polymorphic
/// (<c>link_entity</c> + <c>link_id</c>); Signpost uses them for services only.
/// </summary>
public sealed class ServiceAttribute
{
    public const string ServiceEntity = "service";

    public Guid Id { get; set; }
    public Guid LinkId { get; set; }
    public string LinkEntity { get; set; } = ServiceEntity;
    public string? LinkType { get; set; }
    public Guid TaxonomyTermId { get; set; }
    public string? Value { get; set; }
}
