namespace Signpost.Services;

/// <summary>HSDS <c>contact</c>: a named person or role to get in touch with.</summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }

    public List<Phone> Phones { get; set; } = [];
}
