namespace Signpost.Services;

/// <summary>HSDS <c>language</c> a service is offered in.</summary>
public sealed class Language
{
    public Guid Id { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? LocationId { get; set; }
    public required string Name { get; set; }
    /// <summary>ISO 639 code, e.g. <c>en</c>, <c>pl</c>, <c>bfi</c> for British Sign Language.</summary>
    public string? Code { get; set; }
    public string? Note { get; set; }
}
