namespace Signpost.Services;

/// <summary>HSDS <c>service</c>: what an organisation offers to people.</summary>
public sealed class Service
{
    /// <summary>
    /// Integer row key. SQLite's FTS5 index needs a stable integer rowid per service; the public
    /// identity is <see cref="Id"/>.
    /// </summary>
    public long RowId { get; set; }
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public string? InterpretationServices { get; set; }
    public string? ApplicationProcess { get; set; }
    public string? FeesDescription { get; set; }
    public string? EligibilityDescription { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? Alert { get; set; }
    /// <summary>When the listing was last checked with the provider (HSDS <c>assured_date</c>).</summary>
    public DateOnly? AssuredDate { get; set; }
    public DateTimeOffset LastModified { get; set; }

    /// <summary>
    /// Goes up by one with every moderated change. Suggestions record the version they were made
    /// against, and two moderators changing the same version cannot both succeed.
    /// </summary>
    public int Version { get; set; } = 1;

    public Organization? Organization { get; set; }
    public List<ServiceAtLocation> ServiceAtLocations { get; set; } = [];
    public List<Schedule> Schedules { get; set; } = [];
    public List<ServiceArea> ServiceAreas { get; set; } = [];
    public List<CostOption> CostOptions { get; set; } = [];
    public List<Language> Languages { get; set; } = [];
    public List<Phone> Phones { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
}
