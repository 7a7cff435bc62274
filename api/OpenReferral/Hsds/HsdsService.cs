using System.Text.Json.Serialization;

namespace Signpost.OpenReferral.Hsds;

/// <summary>
/// HSDS 3.0 <c>service</c>, fully nested as the ORUK <c>GET /services/{id}</c> returns it. Lists
/// and optional values are null when absent, so <see cref="HsdsJson.Options"/> omits them.
/// </summary>
/// <remarks>
/// Fields the schema requires are plain values (an absent <c>id</c> reads as <see cref="Guid.Empty"/>,
/// an absent <c>name</c> as ""), never <c>required</c> members: reading a feed must not fail on them,
/// so an importer can report every problem itself.
/// </remarks>
public sealed record HsdsService
{
    [JsonPropertyName("id")] public Guid Id { get; init; }
    [JsonPropertyName("organization_id")] public Guid? OrganizationId { get; init; }
    [JsonPropertyName("program_id")] public Guid? ProgramId { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("alternate_name")] public string? AlternateName { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    /// <summary><c>active</c>, <c>inactive</c>, <c>defunct</c> or <c>temporarily closed</c>.</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "";
    [JsonPropertyName("interpretation_services")] public string? InterpretationServices { get; init; }
    [JsonPropertyName("application_process")] public string? ApplicationProcess { get; init; }
    [JsonPropertyName("fees_description")] public string? FeesDescription { get; init; }
    [JsonPropertyName("wait_time")] public string? WaitTime { get; init; }
    [JsonPropertyName("fees")] public string? Fees { get; init; }
    [JsonPropertyName("accreditations")] public string? Accreditations { get; init; }
    [JsonPropertyName("eligibility_description")] public string? EligibilityDescription { get; init; }
    [JsonPropertyName("minimum_age")] public decimal? MinimumAge { get; init; }
    [JsonPropertyName("maximum_age")] public decimal? MaximumAge { get; init; }
    [JsonPropertyName("assured_date")] public DateOnly? AssuredDate { get; init; }
    [JsonPropertyName("assurer_email")] public string? AssurerEmail { get; init; }
    [JsonPropertyName("licenses")] public string? Licenses { get; init; }
    [JsonPropertyName("alert")] public string? Alert { get; init; }
    [JsonPropertyName("last_modified")] public DateTimeOffset? LastModified { get; init; }

    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("schedules")] public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }
    [JsonPropertyName("service_areas")] public IReadOnlyList<HsdsServiceArea>? ServiceAreas { get; init; }
    [JsonPropertyName("service_at_locations")] public IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations { get; init; }
    [JsonPropertyName("languages")] public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    [JsonPropertyName("organization")] public HsdsOrganization? Organization { get; init; }
    [JsonPropertyName("funding")] public IReadOnlyList<HsdsFunding>? Funding { get; init; }
    [JsonPropertyName("cost_options")] public IReadOnlyList<HsdsCostOption>? CostOptions { get; init; }
    [JsonPropertyName("program")] public HsdsProgram? Program { get; init; }
    [JsonPropertyName("required_documents")] public IReadOnlyList<HsdsRequiredDocument>? RequiredDocuments { get; init; }
    [JsonPropertyName("contacts")] public IReadOnlyList<HsdsContact>? Contacts { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("metadata")] public IReadOnlyList<HsdsMetadata>? Metadata { get; init; }
}
