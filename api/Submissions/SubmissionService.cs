using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Geo;
using Signpost.Geo.Postcodes;
using Signpost.GraphQL.Errors;
using Signpost.GraphQL.Query;
using Signpost.Moderation;
using Signpost.OpeningHours;
using Signpost.Seed;

namespace Signpost.Submissions;

/// <summary>
/// The public's side of moderation: send a new listing, suggest a change, report a problem, and
/// check on a submission. Everything sent waits in the queue; nothing public changes here.
/// </summary>
public sealed class SubmissionService(
    DirectoryDbContext db, CategoryCatalog categories, IPostcodeLookup postcodes, SubmissionRateLimiter limiter, TimeProvider time, ILogger<SubmissionService> logger)
{
    public async Task<SubmissionReceipt> SubmitListingAsync(SubmitListingInput input, CancellationToken cancellationToken)
    {
        var listing = await ListingDocumentAsync(input, "input", cancellationToken);
        return await StoreAsync(input.Homepage, new Submission
        {
            Reference = "",
            Kind = SubmissionKind.NewListing,
            Payload = JsonSerializer.Serialize(listing, SeedJson.Options),
            StatusTokenHash = "",
        }, input.Submitter, "input", cancellationToken);
    }

    public async Task<SubmissionReceipt> SuggestChangeAsync(SuggestChangeInput input, CancellationToken cancellationToken)
    {
        var service = await ServiceAsync(input.ServiceId, cancellationToken);
        if (input.BaseVersion < 1 || input.BaseVersion > service.Version)
        {
            throw new InputError("input.baseVersion", $"must be a version the listing has had, 1 to {service.Version} (the listing's `version` when you read it)");
        }

        var changes = ServiceChanges.From(input.Changes, "input.changes");
        if (changes.Count == 0)
        {
            throw new InputError("input.changes", "suggest at least one change");
        }

        var note = SubmissionRules.Text(input.Note, "input.note", SubmissionRules.MaxMessage);
        return await StoreAsync(input.Homepage, new Submission
        {
            Reference = "",
            Kind = SubmissionKind.ChangeSuggestion,
            ServiceId = service.Id,
            BaseVersion = input.BaseVersion,
            Payload = JsonSerializer.Serialize(new SuggestionPayload(changes, note), JsonSerializerOptions.Web),
            StatusTokenHash = "",
        }, input.Submitter, "input", cancellationToken);
    }

    public async Task<SubmissionReceipt> ReportProblemAsync(ReportProblemInput input, CancellationToken cancellationToken)
    {
        var service = await ServiceAsync(input.ServiceId, cancellationToken);
        var message = SubmissionRules.Required(input.Message, "input.message", SubmissionRules.MaxMessage);
        return await StoreAsync(input.Homepage, new Submission
        {
            Reference = "",
            Kind = SubmissionKind.ProblemReport,
            ServiceId = service.Id,
            BaseVersion = service.Version,
            Topic = input.Topic,
            Payload = JsonSerializer.Serialize(new ReportPayload(message), JsonSerializerOptions.Web),
            StatusTokenHash = "",
        }, input.Submitter, "input", cancellationToken);
    }

    /// <summary>
    /// A claim: the person (name and email, both required: approving gives that address a provider
    /// account) asks to look after the organisation that runs the service.
    /// </summary>
    public async Task<SubmissionReceipt> ClaimListingAsync(ClaimListingInput input, CancellationToken cancellationToken)
    {
        var service = await ServiceAsync(input.ServiceId, cancellationToken);
        var name = SubmissionRules.Required(input.Name, "input.name", SubmissionRules.MaxName);
        var email = SubmissionRules.Email(SubmissionRules.Required(input.Email, "input.email", 254), "input.email");
        var jobTitle = SubmissionRules.Text(input.JobTitle, "input.jobTitle", SubmissionRules.MaxName);
        var message = SubmissionRules.Text(input.Message, "input.message", SubmissionRules.MaxMessage);
        return await StoreAsync(input.Homepage, new Submission
        {
            Reference = "",
            Kind = SubmissionKind.Claim,
            ServiceId = service.Id,
            BaseVersion = service.Version,
            Payload = JsonSerializer.Serialize(new ClaimPayload(jobTitle, message), JsonSerializerOptions.Web),
            StatusTokenHash = "",
        }, new SubmitterInput { Name = name, Email = email }, "input", cancellationToken);
    }

    /// <summary>A submission's progress, for whoever holds its reference and status token.</summary>
    public async Task<Submission> StatusAsync(string reference, string token, CancellationToken cancellationToken)
    {
        var normalised = (reference ?? "").Trim().ToUpperInvariant();
        var submission = normalised.Length is > 0 and <= 20
            ? await db.Submissions.FirstOrDefaultAsync(s => s.Reference == normalised, cancellationToken)
            : null;
        var expected = Encoding.ASCII.GetBytes(submission?.StatusTokenHash ?? new string('0', 64));
        var given = Encoding.ASCII.GetBytes(ApiKeySecrets.Hash(token ?? ""));
        if (submission is null || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw new NotFoundError("reference", "no submission has this reference and status token");
        }

        return submission;
    }

    private async Task<Service> ServiceAsync(string id, CancellationToken cancellationToken)
    {
        var serviceId = DirectoryQuery.ParseId(id, "input.serviceId");
        return await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
            ?? throw new NotFoundError("input.serviceId", $"there is no service {serviceId}");
    }

    private async Task<SubmissionReceipt> StoreAsync(string? honeypot, Submission submission, SubmitterInput? submitter, string path, CancellationToken cancellationToken)
    {
        submission.SubmitterName = SubmissionRules.Text(submitter?.Name, $"{path}.submitter.name", SubmissionRules.MaxName);
        submission.SubmitterEmail = SubmissionRules.Email(submitter?.Email, $"{path}.submitter.email");

        // The count and the submission commit together: a refused submission leaves nothing behind,
        // and the transaction (SQLite's write lock) lets exactly the allowed number through at once.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await limiter.AcquireAsync(cancellationToken);

        var token = ApiKeySecrets.NewToken(24);
        if (!string.IsNullOrEmpty(honeypot))
        {
            // Only automated senders fill the hidden field. They get an ordinary-looking receipt
            // so they learn nothing, and nothing is stored but their count.
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Discarded a {Kind} submission that filled the honeypot field.", submission.Kind);
            return new SubmissionReceipt(SubmissionReferences.New(), token, SubmissionStatus.Pending);
        }

        submission.Id = Guid.NewGuid();
        submission.Reference = SubmissionReferences.New();
        submission.StatusTokenHash = ApiKeySecrets.Hash(token);
        submission.SubmittedAt = time.GetUtcNow();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new SubmissionReceipt(submission.Reference, token, submission.Status);
    }

    /// <summary>The listing in data-seed's HSDS shape, checked field by field, ready for the builder on approval.</summary>
    private async Task<OrganizationDocument> ListingDocumentAsync(SubmitListingInput input, string path, CancellationToken cancellationToken)
    {
        var organization = input.Organization ?? throw new InputError($"{path}.organization", "is required");
        var organizationId = Guid.NewGuid();
        var serviceId = Guid.NewGuid();
        var orgName = SubmissionRules.Required(organization.Name, $"{path}.organization.name", SubmissionRules.MaxName);
        var orgDescription = SubmissionRules.Text(organization.Description, $"{path}.organization.description", SubmissionRules.MaxText);
        var orgWebsite = SubmissionRules.WebAddress(organization.Website, $"{path}.organization.website");
        var orgEmail = SubmissionRules.Email(organization.Email, $"{path}.organization.email");
        var orgPhone = SubmissionRules.Phone(organization.Phone, $"{path}.organization.phone");

        var name = SubmissionRules.Required(input.Name, $"{path}.name", SubmissionRules.MaxName);
        var description = SubmissionRules.Required(input.Description, $"{path}.description", SubmissionRules.MaxText);
        var url = SubmissionRules.WebAddress(input.Url, $"{path}.url");
        var email = SubmissionRules.Email(input.Email, $"{path}.email");
        var phone = SubmissionRules.Phone(input.Phone, $"{path}.phone");
        var eligibility = SubmissionRules.Text(input.EligibilityDescription, $"{path}.eligibilityDescription", SubmissionRules.MaxText);
        var application = SubmissionRules.Text(input.ApplicationProcess, $"{path}.applicationProcess", SubmissionRules.MaxText);
        var cost = SubmissionRules.Text(input.CostDescription, $"{path}.costDescription", SubmissionRules.MaxShort);
        SubmissionRules.Ages(input.MinimumAge, input.MaximumAge, path);

        var codes = SubmissionRules.Items(input.Categories, $"{path}.categories", SubmissionRules.MaxItems, required: true);
        var known = await categories.IdsByCodeAsync(cancellationToken);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!known.ContainsKey(codes[i] ?? ""))
            {
                throw new InputError($"{path}.categories[{i}]", $"'{SubmissionRules.Text(codes[i], $"{path}.categories[{i}]", 64)}' is not a category code (see the `categories` query, e.g. \"dementia\")");
            }
        }

        var languages = SubmissionRules.Items(input.Languages, $"{path}.languages", SubmissionRules.MaxItems)
            .Select((l, i) => new LanguageDocument(SubmissionRules.Required(l, $"{path}.languages[{i}]", 64), null, null)).ToList();

        var locations = new List<LocationDocument>();
        foreach (var (location, i) in SubmissionRules.Items(input.Locations, $"{path}.locations", SubmissionRules.MaxItems).Select((l, i) => (l, i)))
        {
            locations.Add(await LocationAsync(location, $"{path}.locations[{i}]", cancellationToken));
        }

        var schedules = new List<ScheduleDocument>();
        foreach (var (s, i) in SubmissionRules.Items(input.Schedules, $"{path}.schedules", SubmissionRules.MaxSchedules).Select((s, i) => (s, i)))
        {
            var at = $"{path}.schedules[{i}]";
            var freq = SubmissionRules.Text(s.Freq, $"{at}.freq", 16)?.Trim().ToUpperInvariant();
            var byDay = SubmissionRules.Text(s.ByDay, $"{at}.byDay", 64)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            var scheduleText = SubmissionRules.Text(s.Description, $"{at}.description", SubmissionRules.MaxShort);
            if (ScheduleRules.Validate(freq, s.Interval, byDay, s.OpensAt, s.ClosesAt, scheduleText) is { } problem)
            {
                throw new InputError($"{at}.{ScheduleField(problem.Field)}", problem.Problem);
            }

            schedules.Add(new ScheduleDocument(freq, s.Interval, byDay, s.OpensAt, s.ClosesAt, null, null, null, null, scheduleText, null));
        }

        var contacts = SubmissionRules.Items(input.Contacts, $"{path}.contacts", SubmissionRules.MaxItems).Select((c, i) => new ContactDocument(
            SubmissionRules.Text(c.Name, $"{path}.contacts[{i}].name", SubmissionRules.MaxName),
            SubmissionRules.Text(c.Title, $"{path}.contacts[{i}].title", SubmissionRules.MaxName),
            null,
            SubmissionRules.Email(c.Email, $"{path}.contacts[{i}].email"),
            SubmissionRules.Phone(c.Phone, $"{path}.contacts[{i}].phone") is { } contactPhone ? [new PhoneDocument(contactPhone, null, "voice", null)] : null)).ToList();

        var service = new ServiceDocument(
            serviceId, name, null, description, url, email, ServiceStatusNames.Active, null, application, cost, eligibility,
            input.MinimumAge, input.MaximumAge, null, null, [.. codes.Distinct(StringComparer.Ordinal)], [.. locations.Select(l => l.Id)], null,
            schedules, input.IsFree ? [new CostOptionDocument("Free", 0, "GBP", cost, null, null)] : null, languages,
            phone is null ? null : [new PhoneDocument(phone, null, "voice", null)], contacts);
        return new OrganizationDocument(organizationId, orgName, null, orgDescription, orgEmail, orgWebsite,
            orgPhone is null ? null : [new PhoneDocument(orgPhone, null, "voice", null)], locations, [service]);
    }

    private async Task<LocationDocument> LocationAsync(LocationInput location, string path, CancellationToken cancellationToken)
    {
        var postcodeText = SubmissionRules.Required(location.Postcode, $"{path}.postcode", 16);
        if (!Postcode.TryParse(postcodeText, out var postcode) || postcode!.Incode is null)
        {
            throw new InputError($"{path}.postcode", $"'{postcodeText}' is not a full UK postcode, e.g. EX10 8XX");
        }

        if ((location.Latitude is null) != (location.Longitude is null))
        {
            throw new InputError(location.Latitude is null ? $"{path}.latitude" : $"{path}.longitude", "give both latitude and longitude, or neither");
        }

        if (location.Latitude is { } lat && !GeoPoint.IsValidLatitude(lat))
        {
            throw new InputError($"{path}.latitude", "must be between -90 and 90");
        }

        if (location.Longitude is { } lon && !GeoPoint.IsValidLongitude(lon))
        {
            throw new InputError($"{path}.longitude", "must be between -180 and 180");
        }

        var point = location.Latitude is not null
            ? new GeoPoint(location.Latitude.Value, location.Longitude!.Value)
            : (await postcodes.FindAsync(postcode, cancellationToken))?.Point
              ?? throw new InputError($"{path}.postcode", $"Signpost cannot place the district {postcode.Outcode} yet: give latitude and longitude too");

        var city = SubmissionRules.Required(location.City, $"{path}.city", 100);
        return new LocationDocument(Guid.NewGuid(), "physical",
            SubmissionRules.Text(location.Name, $"{path}.name", SubmissionRules.MaxName), null, null, point.Latitude, point.Longitude,
            new AddressDocument(
                SubmissionRules.Required(location.Address1, $"{path}.address1", SubmissionRules.MaxName),
                SubmissionRules.Text(location.Address2, $"{path}.address2", SubmissionRules.MaxName),
                city, null, SubmissionRules.Text(location.County, $"{path}.county", 100) ?? city, postcode.ToString(), "GB"),
            null, null);
    }

    private static string ScheduleField(string field) => field switch
    {
        "byday" => "byDay",
        "opens_at" => "opensAt",
        "closes_at" => "closesAt",
        _ => field,
    };
}

/// <summary>A suggestion as stored: the proposed value of each changed field, and the suggester's note.</summary>
public sealed record SuggestionPayload(Dictionary<string, string?> Changes, string? Note);

/// <summary>A claim as stored; the claimant's name and email are the submission's private submitter details.</summary>
public sealed record ClaimPayload(string? JobTitle, string? Message);

/// <summary>A problem report as stored.</summary>
public sealed record ReportPayload(string Message);
