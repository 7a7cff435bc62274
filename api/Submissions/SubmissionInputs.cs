namespace Signpost.Submissions;

// What the public sends, as the GraphQL inputs map to it. Everything is checked by
// SubmissionRules before it is stored; strings are then kept exactly as sent.

public sealed class SubmitListingInput
{
    public OrganizationInput Organization { get; set; } = new();
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? EligibilityDescription { get; set; }
    public string? ApplicationProcess { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public bool IsFree { get; set; }
    public string? CostDescription { get; set; }
    public List<string> Categories { get; set; } = [];
    public List<string>? Languages { get; set; }
    public List<LocationInput>? Locations { get; set; }
    public List<ScheduleInput>? Schedules { get; set; }
    public List<ContactInput>? Contacts { get; set; }
    public SubmitterInput? Submitter { get; set; }
    public string? Homepage { get; set; }
}

public sealed class OrganizationInput
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

public sealed class LocationInput
{
    public string? Name { get; set; }
    public string Address1 { get; set; } = "";
    public string? Address2 { get; set; }
    public string City { get; set; } = "";
    public string? County { get; set; }
    public string Postcode { get; set; } = "";
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class ScheduleInput
{
    public string? Freq { get; set; }
    public string? ByDay { get; set; }
    public int? Interval { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? Description { get; set; }
}

public sealed class ContactInput
{
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>Who sent it, so moderators can ask; kept private.</summary>
public sealed class SubmitterInput
{
    public string? Name { get; set; }
    public string? Email { get; set; }
}

public sealed class SuggestChangeInput
{
    public string ServiceId { get; set; } = "";
    public int BaseVersion { get; set; }
    public ServiceChangesInput Changes { get; set; } = new();
    public string? Note { get; set; }
    public SubmitterInput? Submitter { get; set; }
    public string? Homepage { get; set; }
}

/// <summary>The fields a suggestion may change; those left out stay as they are.</summary>
public sealed class ServiceChangesInput
{
    public string? Name { get; set; }
    public string? AlternateName { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string? EligibilityDescription { get; set; }
    public string? ApplicationProcess { get; set; }
    public string? FeesDescription { get; set; }
    public string? Alert { get; set; }
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? Phone { get; set; }
    public ServiceAddressInput? Address { get; set; }
    public string? OpeningTimes { get; set; }
}

/// <summary>Where a listing's place has moved to: given whole.</summary>
public sealed class ServiceAddressInput
{
    public string Address1 { get; set; } = "";
    public string? Address2 { get; set; }
    public string City { get; set; } = "";
    public string Postcode { get; set; } = "";
}

public sealed class ReportProblemInput
{
    public string ServiceId { get; set; } = "";
    public ProblemTopic Topic { get; set; }
    public string Message { get; set; } = "";
    public SubmitterInput? Submitter { get; set; }
    public string? Homepage { get; set; }
}

/// <summary>Someone who runs a listed service asks to look after their organisation's listings.</summary>
public sealed class ClaimListingInput
{
    public string ServiceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? JobTitle { get; set; }
    public string? Message { get; set; }
    public string? Homepage { get; set; }
}
