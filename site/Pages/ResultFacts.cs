using System.Globalization;
using Signpost.Site.Api;

namespace Signpost.Site.Pages;

/// <summary>
/// What people decide on before opening a listing: how to call, what it costs, who it is for, where
/// it is, when it runs and whether it has been checked lately. The server-rendered lists, the
/// browser search's index and the shortlist's details all take their wording from here.
/// </summary>
public static class ResultFacts
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The number to call: the service's first phone, else its organisation's.</summary>
    public static string? Phone(Service service) =>
        service.Phones.Select(p => p.Number).Concat(service.Organization.Phones.Select(p => p.Number)).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));

    /// <summary>"18+" or "0–5" when the service gives an age limit; null when it is for all ages.</summary>
    public static string? AgeRange(int? minimum, int? maximum) => (minimum, maximum) switch
    {
        (null or 0, null) => null,
        ({ } min, null) => $"{min}+",
        (var min, { } max) => $"{min ?? 0}–{max}",
    };

    public static string? Ages(Service service) => AgeRange(service.MinimumAge, service.MaximumAge) is { } range ? "Ages " + range : null;

    /// <summary>True when it is not free and the provider names a charge; unknown costs say nothing.</summary>
    public static bool CostsMoney(Service service) => !service.IsFree && Text.Costs(service) is not ["Ask the service"];

    public static string? Cost(Service service) => service.IsFree ? "Free" : CostsMoney(service) ? "Costs money" : null;

    /// <summary>Each place people go to, as one line: "Blackmore Drive, Sidmouth EX10 8LA".</summary>
    public static IReadOnlyList<string> Addresses(Service service) =>
        service.Locations
            .Where(l => l.LocationType != "VIRTUAL" && l.Address is not null)
            .Select(l => Address(l.Address!))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public static string Address(Address a) =>
        string.Join(", ", new[] { a.Address1, a.Address2, $"{a.City} {a.PostalCode}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>The opening hours in words, one schedule after another.</summary>
    public static string? Hours(Service service) =>
        service.Schedules.Count == 0 ? null : string.Join("; ", service.Schedules.Select(s => s.Text.Trim().TrimEnd('.')));

    /// <summary>True when the listing was last checked more than 12 months before <paramref name="today"/>.</summary>
    public static bool IsStale(DateOnly? lastVerified, DateOnly today) => lastVerified is { } checkedOn && checkedOn < today.AddMonths(-12);

    /// <summary>"Last checked March 2024 — please call before you go", only for a listing not checked for over 12 months.</summary>
    public static string? StaleNote(DateOnly? lastVerified, DateOnly today) =>
        IsStale(lastVerified, today) ? $"Last checked {lastVerified!.Value.ToString("MMMM yyyy", British)} — please call before you go" : null;
}
