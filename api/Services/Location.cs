namespace Signpost.Services;

/// <summary>HSDS <c>location</c>: a place where services are delivered (or a postal/virtual one).</summary>
public sealed class Location
{
    /// <summary>Integer row key; the R*Tree spatial index refers to locations by it.</summary>
    public long RowId { get; set; }
    public Guid Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public LocationType LocationType { get; set; } = LocationType.Physical;
    public string? Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Transportation { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? ExternalIdentifier { get; set; }

    public Organization? Organization { get; set; }
    public List<Address> Addresses { get; set; } = [];
    public List<Accessibility> Accessibility { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
    public List<ServiceAtLocation> ServiceAtLocations { get; set; } = [];
}

public enum LocationType
{
    Physical,
    Postal,
    Virtual,
}
