using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Signpost.Seed;

// The JSON shapes of data-seed/ (see data-seed/README.md). HSDS field names, snake_case.

internal sealed record TaxonomyDocument(TaxonomySchemeDocument Taxonomy, List<TaxonomyTermDocument> Terms);

internal sealed record TaxonomySchemeDocument(Guid Id, string Name, string Description, string? Uri, string? Version);

internal sealed record TaxonomyTermDocument(Guid Id, string Code, string Name, string Description, Guid? ParentId);

internal sealed record RegionDocument(string Region, List<OrganizationDocument> Organizations);

internal sealed record OrganizationDocument(
    Guid Id, string Name, string? AlternateName, string? Description, string? Email, string? Website,
    List<PhoneDocument>? Phones, List<LocationDocument>? Locations, List<ServiceDocument>? Services);

internal sealed record LocationDocument(
    Guid Id, string? LocationType, string? Name, string? Description, string? Transportation,
    double? Latitude, double? Longitude, AddressDocument? Address,
    List<AccessibilityDocument>? Accessibility, List<PhoneDocument>? Phones);

internal sealed record AddressDocument(
    [property: JsonPropertyName("address_1")] string Address1, [property: JsonPropertyName("address_2")] string? Address2, string City, string? Region, string StateProvince, string PostalCode, string? Country);

internal sealed record AccessibilityDocument(string? Description, string? Details, string? Url);

internal sealed record PhoneDocument(string Number, string? Extension, string? Type, string? Description);

internal sealed record ServiceDocument(
    Guid Id, string Name, string? AlternateName, string? Description, string? Url, string? Email, string? Status,
    string? InterpretationServices, string? ApplicationProcess, string? FeesDescription, string? EligibilityDescription,
    int? MinimumAge, int? MaximumAge, DateOnly? AssuredDate, string? Alert,
    List<string>? Categories, List<Guid>? Locations, List<ServiceAreaDocument>? ServiceAreas,
    List<ScheduleDocument>? Schedules, List<CostOptionDocument>? CostOptions, List<LanguageDocument>? Languages,
    List<PhoneDocument>? Phones, List<ContactDocument>? Contacts);

internal sealed record ServiceAreaDocument(string Name, string? Description, JsonObject? Extent);

internal sealed record ScheduleDocument(
    string? Freq, int? Interval, string? Byday, string? OpensAt, string? ClosesAt,
    DateOnly? Dtstart, DateOnly? Until, DateOnly? ValidFrom, DateOnly? ValidTo, string? Description, string? Notes);

internal sealed record CostOptionDocument(string? Option, decimal? Amount, string? Currency, string? AmountDescription, DateOnly? ValidFrom, DateOnly? ValidTo);

internal sealed record LanguageDocument(string Name, string? Code, string? Note);

internal sealed record ContactDocument(string? Name, string? Title, string? Department, string? Email, List<PhoneDocument>? Phones);

internal static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
    };
}
