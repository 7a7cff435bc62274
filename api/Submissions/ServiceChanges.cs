using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.GraphQL.Errors;
using Signpost.OpeningHours;

namespace Signpost.Submissions;

/// <summary>
/// The fields of a listing a suggestion may change, by their GraphQL names: how each is checked,
/// read and written. A change set is stored as field → proposed value (text).
/// </summary>
public static class ServiceChanges
{
    private sealed record Field(string Name, Func<ServiceChangesInput, object?> Proposed, Func<Service, string?> Read, Action<DirectoryDbContext, Service, string?> Write, Func<string?, string, string?> Check);

    private static readonly Field[] Fields =
    [
        new("name", i => i.Name, s => s.Name, (_, s, v) => s.Name = v!, (v, p) => SubmissionRules.Required(v, p, SubmissionRules.MaxName)),
        new("alternateName", i => i.AlternateName, s => s.AlternateName, (_, s, v) => s.AlternateName = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxName)),
        new("description", i => i.Description, s => s.Description, (_, s, v) => s.Description = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxText)),
        new("url", i => i.Url, s => s.Url, (_, s, v) => s.Url = v, SubmissionRules.WebAddress),
        new("email", i => i.Email, s => s.Email, (_, s, v) => s.Email = v, SubmissionRules.Email),
        new("eligibilityDescription", i => i.EligibilityDescription, s => s.EligibilityDescription, (_, s, v) => s.EligibilityDescription = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxText)),
        new("applicationProcess", i => i.ApplicationProcess, s => s.ApplicationProcess, (_, s, v) => s.ApplicationProcess = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxText)),
        new("feesDescription", i => i.FeesDescription, s => s.FeesDescription, (_, s, v) => s.FeesDescription = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxShort)),
        new("alert", i => i.Alert, s => s.Alert, (_, s, v) => s.Alert = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxShort)),
        new("minimumAge", i => i.MinimumAge, s => Text(s.MinimumAge), (_, s, v) => s.MinimumAge = Age(v), Age),
        new("maximumAge", i => i.MaximumAge, s => Text(s.MaximumAge), (_, s, v) => s.MaximumAge = Age(v), Age),
        new("phone", i => i.Phone, s => s.Phones.FirstOrDefault()?.Number, WritePhone, SubmissionRules.Phone),
        // In words: approving replaces the listing's schedules with these words, so a listing never
        // keeps structured times that the provider has said are wrong (it is then not "open now"
        // until structured times are given again).
        new("openingTimes", i => i.OpeningTimes, ReadOpeningTimes, WriteOpeningTimes, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxShort)),
    ];

    // The address of the listing's first place (by name, as the API lists a service's locations), given whole.
    private static readonly Field[] AddressFields =
    [
        new("address.address1", i => i.Address?.Address1, s => Place(s)?.Addresses[0].Address1, (_, s, v) => Address(s).Address1 = v!, (v, p) => SubmissionRules.Required(v, p, SubmissionRules.MaxName)),
        new("address.address2", i => i.Address?.Address2, s => Place(s)?.Addresses[0].Address2, (_, s, v) => Address(s).Address2 = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxName)),
        new("address.city", i => i.Address?.City, s => Place(s)?.Addresses[0].City, (_, s, v) => Address(s).City = v!, (v, p) => SubmissionRules.Required(v, p, 100)),
        new("address.postcode", i => i.Address?.Postcode, s => Place(s)?.Addresses[0].PostalCode, (_, s, v) => Address(s).PostalCode = v!,
            (v, p) => SubmissionRules.FullPostcode(SubmissionRules.Required(v, p, 16), p)),
    ];

    public static IEnumerable<string> Names => Fields.Concat(AddressFields).Select(f => f.Name);

    /// <summary>The field that moves the listing's place: approving it puts the place at its new postcode.</summary>
    public const string Postcode = "address.postcode";

    /// <summary>The fields the input proposes to change, checked, as field → value.</summary>
    public static Dictionary<string, string?> From(ServiceChangesInput? input, string path)
    {
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (input is null)
        {
            return changes;
        }

        foreach (var field in Fields)
        {
            if (field.Proposed(input) is { } proposed)
            {
                changes[field.Name] = field.Check(Convert.ToString(proposed, CultureInfo.InvariantCulture), $"{path}.{field.Name}");
            }
        }

        if (input.Address is not null)
        {
            // Every line, even an empty second one: a new address replaces the old one whole.
            foreach (var field in AddressFields)
            {
                changes[field.Name] = field.Check((string?)field.Proposed(input), $"{path}.{field.Name}");
            }
        }

        if (input.MinimumAge > input.MaximumAge)
        {
            throw new InputError($"{path}.minimumAge", "must not be more than maximumAge");
        }

        return changes;
    }

    public static string? Read(Service service, string field) => Find(field).Read(service);

    /// <summary>One field's value checked by the field's own rule (null: not set); a wrong one is an InputError naming <paramref name="path"/>.</summary>
    public static string? Check(string field, string? value, string path) => Find(field).Check(value, path);

    /// <summary>Writes one field to a tracked listing, loaded with <see cref="WithChangeableParts"/>.</summary>
    public static void Write(DirectoryDbContext db, Service service, string field, string? value) => Find(field).Write(db, service, value);

    /// <summary>A listing with everything a suggestion may change.</summary>
    public static IQueryable<Service> WithChangeableParts(IQueryable<Service> services) => services
        .Include(s => s.Phones).Include(s => s.Schedules)
        .Include(s => s.ServiceAtLocations).ThenInclude(l => l.Location!).ThenInclude(l => l.Addresses);

    /// <summary>The place whose address a suggestion changes: the first with an address, by name as the API lists them.</summary>
    public static Location? Place(Service service) => service.ServiceAtLocations.Select(l => l.Location).OfType<Location>()
        .Where(l => l.Addresses.Count > 0).OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id).FirstOrDefault();

    private static Address Address(Service service) => Place(service)?.Addresses[0]
        ?? throw new ConflictError("The listing has no address to change: reject this suggestion, or add the place to the listing first.");

    private static void WritePhone(DirectoryDbContext db, Service service, string? number)
    {
        if (service.Phones.FirstOrDefault() is { } phone)
        {
            if (number is null)
            {
                // Taken away (a provider clears it, or a change that added it is undone).
                service.Phones.Remove(phone);
                db.Phones.Remove(phone);
                return;
            }

            phone.Number = number;
            return;
        }

        if (number is null)
        {
            return;
        }

        var added = new Phone { Id = Guid.NewGuid(), ServiceId = service.Id, Number = number!, Type = "voice" };
        service.Phones.Add(added);
        db.Phones.Add(added);
    }

    private static string? ReadOpeningTimes(Service service) =>
        service.Schedules.Count == 0 ? null : string.Join("; ", service.Schedules.Select(OpeningHoursText.Describe).Where(t => t.Length > 0));

    private static void WriteOpeningTimes(DirectoryDbContext db, Service service, string? words)
    {
        db.Schedules.RemoveRange(service.Schedules);
        service.Schedules.Clear();
        if (words is not null)
        {
            var schedule = new Schedule { Id = Guid.NewGuid(), ServiceId = service.Id, Description = words };
            service.Schedules.Add(schedule);
        }
    }

    private static Field Find(string field) =>
        Fields.Concat(AddressFields).FirstOrDefault(f => f.Name == field) ?? throw new InvalidDataException($"'{field}' is not a field a suggestion can change.");

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static int? Age(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private static string? Age(string? value, string path) =>
        value is null || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= 120)
            ? value
            : throw new InputError(path, "must be between 0 and 120");
}
