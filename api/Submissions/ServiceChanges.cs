using System.Globalization;
using Signpost.GraphQL.Errors;

namespace Signpost.Submissions;

/// <summary>
/// The fields of a listing a suggestion may change, by their GraphQL names: how each is checked,
/// read and written. A change set is stored as field → proposed value (text).
/// </summary>
public static class ServiceChanges
{
    private sealed record Field(string Name, Func<ServiceChangesInput, object?> Proposed, Func<Service, string?> Read, Action<Service, string?> Write, Func<string?, string, string?> Check);

    private static readonly Field[] Fields =
    [
        new("name", i => i.Name, s => s.Name, (s, v) => s.Name = v!, (v, p) => SubmissionRules.Required(v, p, SubmissionRules.MaxName)),
        new("alternateName", i => i.AlternateName, s => s.AlternateName, (s, v) => s.AlternateName = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxName)),
        new("description", i => i.Description, s => s.Description, (s, v) => s.Description = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxText)),
        new("url", i => i.Url, s => s.Url, (s, v) => s.Url = v, SubmissionRules.WebAddress),
        new("email", i => i.Email, s => s.Email, (s, v) => s.Email = v, SubmissionRules.Email),
        new("eligibilityDescription", i => i.EligibilityDescription, s => s.EligibilityDescription, (s, v) => s.EligibilityDescription = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxText)),
        new("applicationProcess", i => i.ApplicationProcess, s => s.ApplicationProcess, (s, v) => s.ApplicationProcess = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxText)),
        new("feesDescription", i => i.FeesDescription, s => s.FeesDescription, (s, v) => s.FeesDescription = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxShort)),
        new("alert", i => i.Alert, s => s.Alert, (s, v) => s.Alert = v, (v, p) => SubmissionRules.Text(v, p, SubmissionRules.MaxShort)),
        new("minimumAge", i => i.MinimumAge, s => Text(s.MinimumAge), (s, v) => s.MinimumAge = Age(v), Age),
        new("maximumAge", i => i.MaximumAge, s => Text(s.MaximumAge), (s, v) => s.MaximumAge = Age(v), Age),
    ];

    public static IEnumerable<string> Names => Fields.Select(f => f.Name);

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

        if (input.MinimumAge > input.MaximumAge)
        {
            throw new InputError($"{path}.minimumAge", "must not be more than maximumAge");
        }

        return changes;
    }

    public static string? Read(Service service, string field) => Find(field).Read(service);

    public static void Write(Service service, string field, string? value) => Find(field).Write(service, value);

    private static Field Find(string field) =>
        Fields.FirstOrDefault(f => f.Name == field) ?? throw new InvalidDataException($"'{field}' is not a field a suggestion can change.");

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static int? Age(string? value) => value is null ? null : int.Parse(value, CultureInfo.InvariantCulture);

    private static string? Age(string? value, string path) =>
        value is null || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= 120)
            ? value
            : throw new InputError(path, "must be between 0 and 120");
}
