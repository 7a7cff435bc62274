namespace Signpost.Services;

/// <summary>HSDS <c>organization</c>: the body that runs one or more services.</summary>
public sealed class Organization
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? LegalStatus { get; set; }
    public string? Uri { get; set; }
    public DateTimeOffset LastModified { get; set; }

    public List<Service> Services { get; set; } = [];
    public List<Location> Locations { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
}
