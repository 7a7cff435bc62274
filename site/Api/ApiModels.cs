namespace Signpost.Site.Api;

// The shapes of the site's GraphQL answers (Api/Queries). Property names match the query fields.

public sealed record ServicesPage(int TotalCount, PageInfo PageInfo, IReadOnlyList<ServiceEdge> Edges);

public sealed record PageInfo(bool HasNextPage, string? EndCursor);

public sealed record ServiceEdge(Service Node);

public sealed record Service(
    string Id, string Name, string? AlternateName, string? Description, string Status, string? Alert,
    string? Url, string? Email, string? ApplicationProcess, string? EligibilityDescription,
    string? FeesDescription, string? InterpretationServices, bool IsFree, int? MinimumAge, int? MaximumAge,
    DateOnly? LastVerified, DateTimeOffset LastModified, Organization Organization,
    IReadOnlyList<CategoryRef> Categories, IReadOnlyList<Location> Locations, IReadOnlyList<Phone> Phones,
    IReadOnlyList<Contact> Contacts, IReadOnlyList<Schedule> Schedules, IReadOnlyList<CostOption> CostOptions,
    IReadOnlyList<Language> Languages, IReadOnlyList<ServiceArea> ServiceAreas)
{
    public bool IsTemporarilyClosed => Status == "TEMPORARILY_CLOSED";
}

public sealed record Organization(string Id, string Name, string? Description, string? Website, string? Email, IReadOnlyList<Phone> Phones);

public sealed record CategoryRef(string Id, string Code, string Name);

public sealed record Location(
    string Id, string? Name, string LocationType, double? Latitude, double? Longitude, string? Transportation,
    Address? Address, IReadOnlyList<Accessibility> Accessibility);

public sealed record Address(string Address1, string? Address2, string City, string StateProvince, string PostalCode);

public sealed record Accessibility(string? Description, string? Details);

public sealed record Phone(string Number, string? Description);

public sealed record Contact(string? Name, string? Title, string? Email, IReadOnlyList<Phone> Phones);

public sealed record Schedule(
    string Text, string? Description, string? Freq, string? ByDay, int? Interval, string? OpensAt, string? ClosesAt,
    DateOnly? DtStart, DateOnly? ValidFrom, DateOnly? ValidTo, DateOnly? Until);

public sealed record CostOption(string? Option, double? Amount, string? AmountDescription, string? Currency);

public sealed record Language(string? Code, string Name, string? Note);

public sealed record ServiceArea(string Name, string? Extent);

public sealed record ReferenceData(
    IReadOnlyList<Category> Categories, IReadOnlyList<PostcodeDistrict> PostcodeDistricts, IReadOnlyList<DateOnly> BankHolidays);

public sealed record Category(string Id, string Code, string Name, string Description, IReadOnlyList<Category>? Children);

public sealed record PostcodeDistrict(string Outcode, double Latitude, double Longitude, string Place);
