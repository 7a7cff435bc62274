using System.Globalization;
using Signpost.OpenReferral.Hsds;

namespace Signpost.OpenReferral;

/// <summary>
/// Signpost's entities as HSDS 3.0 records: one mapping for the feed and the export, so both say
/// the same thing in the same bytes. Only public fields are mapped.
/// </summary>
public static class HsdsMapping
{
    /// <summary>The service's own fields, without anything nested (ORUK <c>minimal</c>).</summary>
    public static HsdsService ToHsdsBasics(this Service s) => new()
    {
        Id = s.Id,
        OrganizationId = s.OrganizationId,
        Name = s.Name,
        AlternateName = s.AlternateName,
        Description = s.Description,
        Url = s.Url,
        Email = s.Email,
        Status = s.Status.ToHsds(),
        InterpretationServices = s.InterpretationServices,
        ApplicationProcess = s.ApplicationProcess,
        FeesDescription = s.FeesDescription,
        EligibilityDescription = s.EligibilityDescription,
        MinimumAge = s.MinimumAge,
        MaximumAge = s.MaximumAge,
        AssuredDate = s.AssuredDate,
        Alert = s.Alert,
        LastModified = s.LastModified,
    };

    public static HsdsOrganization ToHsds(this Organization o) => new()
    {
        Id = o.Id,
        Name = o.Name,
        AlternateName = o.AlternateName,
        Description = o.Description ?? "",
        Email = o.Email,
        Website = o.Website,
        LegalStatus = o.LegalStatus,
        Uri = o.Uri,
    };

    public static HsdsPhone ToHsds(this Phone p)
    {
        // HSDS 3.0 types the extension as a number; any other extension stays readable in the description.
        var numeric = decimal.TryParse(p.Extension, NumberStyles.None, CultureInfo.InvariantCulture, out var extension);
        var description = numeric || string.IsNullOrWhiteSpace(p.Extension)
            ? p.Description
            : string.IsNullOrWhiteSpace(p.Description) ? $"Extension {p.Extension}" : $"{p.Description} (extension {p.Extension})";
        return new HsdsPhone
        {
            Id = p.Id,
            OrganizationId = p.OrganizationId,
            ServiceId = p.ServiceId,
            LocationId = p.LocationId,
            ContactId = p.ContactId,
            Number = p.Number,
            Extension = numeric ? extension : null,
            Type = p.Type,
            Description = description,
        };
    }

    /// <summary>
    /// ORUK allows only WEEKLY and MONTHLY, so a daily schedule is written as weekly on every day:
    /// the same opening hours by RFC 5545.
    /// </summary>
    public static HsdsSchedule ToHsds(this Schedule s) => s.Freq == "DAILY" && s.Interval is null or 1
        ? s.ToHsdsAsWritten() with { Freq = "WEEKLY", ByDay = "MO,TU,WE,TH,FR,SA,SU", Interval = s.Interval }
        : s.ToHsdsAsWritten();

    private static HsdsSchedule ToHsdsAsWritten(this Schedule s) => new()
    {
        Id = s.Id,
        ServiceId = s.ServiceId,
        LocationId = s.LocationId,
        ValidFrom = s.ValidFrom,
        ValidTo = s.ValidTo,
        DtStart = s.DtStart,
        Until = s.Until,
        Freq = s.Freq,
        Interval = s.Interval,
        ByDay = s.ByDay,
        OpensAt = s.OpensAt,
        ClosesAt = s.ClosesAt,
        Description = s.Description,
        Notes = s.Notes,
    };

    public static HsdsServiceArea ToHsds(this ServiceArea a) => new()
    {
        Id = a.Id,
        ServiceId = a.ServiceId,
        Name = a.Name,
        Description = a.Description,
        Extent = a.Extent,
        ExtentType = a.Extent is null ? null : a.ExtentType,
        Uri = a.Uri,
    };

    public static HsdsLanguage ToHsds(this Language l) => new()
    {
        Id = l.Id,
        ServiceId = l.ServiceId,
        LocationId = l.LocationId,
        Name = l.Name,
        Code = l.Code,
        Note = l.Note,
    };

    public static HsdsCostOption ToHsds(this CostOption c) => new()
    {
        Id = c.Id,
        ServiceId = c.ServiceId,
        ValidFrom = c.ValidFrom,
        ValidTo = c.ValidTo,
        Option = c.Option,
        Currency = c.Currency,
        Amount = c.Amount,
        AmountDescription = c.AmountDescription,
    };

    public static HsdsAddress ToHsds(this Address a) => new()
    {
        Id = a.Id,
        LocationId = a.LocationId,
        Attention = a.Attention,
        Address1 = a.Address1,
        Address2 = a.Address2,
        City = a.City,
        Region = a.Region,
        StateProvince = a.StateProvince,
        PostalCode = a.PostalCode,
        Country = a.Country,
        AddressType = a.AddressType,
    };

    public static HsdsAccessibility ToHsds(this Accessibility a) => new()
    {
        Id = a.Id,
        LocationId = a.LocationId,
        Description = a.Description,
        Details = a.Details,
        Url = a.Url,
    };

    public static HsdsTaxonomy ToHsds(this TaxonomyScheme t) => new()
    {
        Id = t.Id,
        Name = t.Name,
        Description = t.Description,
        Uri = t.Uri,
        Version = t.Version,
    };

    public static HsdsTaxonomyTerm ToHsds(this TaxonomyTerm t, TaxonomyScheme? taxonomy) => new()
    {
        Id = t.Id,
        Code = t.Code,
        Name = t.Name,
        Description = t.Description,
        ParentId = t.ParentId,
        TaxonomyId = t.TaxonomyId,
        Taxonomy = taxonomy?.Name,
        Language = t.Language,
        TermUri = t.TermUri,
    };

    public static string ToHsds(this LocationType type) => type switch
    {
        LocationType.Physical => "physical",
        LocationType.Postal => "postal",
        LocationType.Virtual => "virtual",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
