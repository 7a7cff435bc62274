namespace Signpost.Services;

/// <summary>HSDS <c>service_at_location</c>: links a service to a location where it is delivered.</summary>
public sealed class ServiceAtLocation
{
    /// <summary>Integer row key; the service-location R*Tree refers to these links by it.</summary>
    public long RowId { get; set; }
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid LocationId { get; set; }
    public string? Description { get; set; }

    public Service? Service { get; set; }
    public Location? Location { get; set; }
}
