using System.Text.Json;
using Signpost.Seed;
using Signpost.Submissions;

namespace Signpost.Moderation;

/// <summary>One field of a listing: its value now, and the value a submission proposes.</summary>
public sealed record FieldDiff(string Field, string? Current, string? Proposed);

/// <summary>What approving a submission would change, field by field: the GraphQL queue and the console show the same.</summary>
public static class SubmissionDiffs
{
    /// <summary>
    /// A suggestion against the listing as it is now (loaded with <see cref="ServiceChanges.WithChangeableParts"/>);
    /// every field of a new listing as new; nothing for a report.
    /// </summary>
    public static IReadOnlyList<FieldDiff> Of(Submission submission, Service? listing) => submission.Kind switch
    {
        SubmissionKind.ChangeSuggestion => ModerationService.Suggestion(submission).Changes.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new FieldDiff(c.Key, listing is null ? null : ServiceChanges.Read(listing, c.Key), c.Value)).ToList(),
        SubmissionKind.NewListing => NewListingFields(submission),
        _ => [],
    };

    private static List<FieldDiff> NewListingFields(Submission submission)
    {
        var listing = JsonSerializer.Deserialize<OrganizationDocument>(submission.Payload, SeedJson.Options)!;
        var service = listing.Services![0];
        var fields = new List<FieldDiff>
        {
            new("organization.name", null, listing.Name),
            new("name", null, service.Name),
            new("description", null, service.Description),
            new("url", null, service.Url),
            new("email", null, service.Email),
            new("eligibilityDescription", null, service.EligibilityDescription),
            new("categories", null, string.Join(", ", service.Categories ?? [])),
        };
        fields.AddRange((listing.Locations ?? []).Select((l, i) => new FieldDiff($"locations[{i}]", null,
            string.Join(", ", new[] { l.Name, l.Address?.Address1, $"{l.Address?.City} {l.Address?.PostalCode}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p))))));
        fields.AddRange((service.Schedules ?? []).Select((s, i) => new FieldDiff($"schedules[{i}]", null,
            s.Freq is null ? s.Description : $"{s.Freq} {s.Byday} {s.OpensAt}-{s.ClosesAt}".Replace("  ", " ", StringComparison.Ordinal))));
        return fields.Where(f => f.Proposed is not null).ToList();
    }
}
