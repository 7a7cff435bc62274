namespace Signpost.Services;

/// <summary>HSDS <c>phone</c>; belongs to exactly one of organisation, service, location or contact.</summary>
public sealed class Phone
{
    public Guid Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? LocationId { get; set; }
    public Guid? ContactId { get; set; }
    public required string Number { get; set; }
    public string? Extension { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
}
