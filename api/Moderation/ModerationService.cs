using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Geo.Postcodes;
using Signpost.GraphQL.Errors;
using Signpost.Moderation.Accounts;
using Signpost.OpeningHours;
using Signpost.Providers;
using Signpost.Seed;
using Signpost.Submissions;

namespace Signpost.Moderation;

/// <summary>
/// What moderators do: work the queue, approve or reject submissions, verify listings, close,
/// archive and restore them. Every change to a listing is one transaction that raises the
/// listing's version and writes its audit entry; a change made against an older version, or
/// racing another moderator's, is refused with CONFLICT and nothing is applied.
/// </summary>
public sealed class ModerationService(
    DirectoryDbContext db, CategoryCatalog categories, IPostcodeLookup postcodes, ProviderAccounts providers, Caller caller, TimeProvider time)
{
    public const int MaxQueuePage = 100;

    public async Task<IReadOnlyList<Submission>> QueueAsync(SubmissionKind? kind, SubmissionStatus status, Guid? serviceId, int first, CancellationToken cancellationToken)
    {
        await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        CheckPageSize(first);

        var query = db.Submissions.Where(s => s.Status == status);
        if (kind is { } k)
        {
            query = query.Where(s => s.Kind == k);
        }

        if (serviceId is { } id)
        {
            query = query.Where(s => s.ServiceId == id);
        }

        return await query.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Reference).Take(first).ToListAsync(cancellationToken);
    }

    /// <summary>One submission, with the listing it concerns as it is now (with everything a suggestion may change).</summary>
    public async Task<(Submission Submission, Service? Listing)> SubmissionAsync(Guid id, CancellationToken cancellationToken)
    {
        await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundError("id", $"there is no submission {id}");
        var listing = submission.ServiceId is { } serviceId
            ? await ServiceChanges.WithChangeableParts(db.Services).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
            : null;
        return (submission, listing);
    }

    /// <summary>How many submissions of each kind wait for a decision.</summary>
    public async Task<IReadOnlyDictionary<SubmissionKind, int>> QueueCountsAsync(CancellationToken cancellationToken)
    {
        await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        return await db.Submissions.Where(s => s.Status == SubmissionStatus.Pending)
            .GroupBy(s => s.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
    }

    /// <summary>
    /// Listings never verified, or not for over 12 months, or whose last review reminder went
    /// unanswered (since that verification): the oldest first. Nothing is hidden automatically.
    /// </summary>
    public async Task<IReadOnlyList<Service>> StaleAsync(int first, CancellationToken cancellationToken)
    {
        await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        CheckPageSize(first);

        var cutoff = Today().AddYears(-1);
        return await db.Services
            .Where(s => (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed)
                && (s.AssuredDate == null || s.AssuredDate < cutoff
                    || db.ReviewReminders.Any(r => r.ServiceId == s.Id && r.Final && r.VerifiedOn == s.AssuredDate)))
            .OrderBy(s => s.AssuredDate).ThenBy(s => s.Id)
            .Take(first).ToListAsync(cancellationToken);
    }

    public async Task<(Submission Submission, Service? Service)> ApproveAsync(Guid submissionId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var actor = await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        (ModeratorAccount Account, Organization Organization, bool Created)? granted = null;
        var decided = await InTransactionAsync(async () =>
        {
            var submission = await PendingAsync(submissionId, cancellationToken);
            Service? service = submission.Kind switch
            {
                SubmissionKind.NewListing => await CreateListingAsync(submission, actor, cancellationToken),
                SubmissionKind.ChangeSuggestion => await ApplySuggestionAsync(submission, expectedVersion, actor, cancellationToken),
                _ => null, // a report is dealt with by the moderator's own changes; approving marks it done
            };
            if (submission.Kind == SubmissionKind.Claim)
            {
                granted = await providers.GrantAsync(submission, cancellationToken);
            }

            Decide(submission, SubmissionStatus.Approved, actor, reason: null);
            await db.SaveChangesAsync(cancellationToken);
            return (submission, service);
        }, cancellationToken);

        // After the commit: the link is only sent for an account that exists. One already able to
        // sign in (a second listing's claim) is told nothing new; it sees the listings at once.
        if (granted is { Created: true } or { Account.PasswordHash: null })
        {
            await providers.SendWelcomeAsync(granted.Value.Account, granted.Value.Organization.Name, cancellationToken);
        }

        return decided;
    }

    public async Task<Submission> RejectAsync(Guid submissionId, string? reason, CancellationToken cancellationToken)
    {
        var actor = await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        var why = SubmissionRules.Required(reason, "input.reason", SubmissionRules.MaxShort);
        return await InTransactionAsync(async () =>
        {
            var submission = await PendingAsync(submissionId, cancellationToken);
            Decide(submission, SubmissionStatus.Rejected, actor, why);
            await db.SaveChangesAsync(cancellationToken);
            return submission;
        }, cancellationToken);
    }

    /// <summary>Marks the listing checked with its provider today (a moderator, or the listing's own provider).</summary>
    public Task<Service> VerifyAsync(Guid serviceId, int? expectedVersion, CancellationToken cancellationToken) =>
        ChangeServiceAsync(serviceId, expectedVersion, "verified", service => [Verified(service)], cancellationToken, providerMay: true);

    /// <summary>
    /// A listing's own provider (or a moderator) changes it directly: live at once, audited under
    /// their name, and undone by a moderator with <see cref="RevertAsync"/>. Saving also records the
    /// listing as checked today, since its provider has just looked at all of it.
    /// </summary>
    public async Task<Service> UpdateAsync(Guid serviceId, int expectedVersion, IReadOnlyDictionary<string, string?> proposed, CancellationToken cancellationToken)
    {
        var actor = await caller.RequireAsync(ApiKeyRole.Provider, cancellationToken);
        return await InTransactionAsync(async () =>
        {
            var service = await ChangeableAsync(serviceId, cancellationToken);
            RequireMayChange(actor, service);
            CheckVersion(service, expectedVersion);
            var changes = await ApplyChangesAsync(service, proposed, cancellationToken);
            changes.Add(Verified(service));
            Record(service, "updated", changes, actor, submissionId: null);
            await db.SaveChangesAsync(cancellationToken);
            return service;
        }, cancellationToken);
    }

    /// <summary>
    /// Undoes one audited change of a listing's fields (a provider's edit, an approved suggestion):
    /// each field goes back to its value before, as a new audited change. A field changed again
    /// since is refused with CONFLICT, so nothing later is lost. Opening times return as words.
    /// </summary>
    public async Task<Service> RevertAsync(Guid serviceId, int version, int? expectedVersion, CancellationToken cancellationToken)
    {
        var actor = await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        return await InTransactionAsync(async () =>
        {
            var service = await ChangeableAsync(serviceId, cancellationToken);
            var entry = await db.AuditEntries.Where(a => a.ServiceId == serviceId && a.Version == version).OrderByDescending(a => a.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundError("input.version", $"the listing's history has no version {version}");
            CheckVersion(service, expectedVersion);
            var fields = ServiceChanges.Names.ToHashSet(StringComparer.Ordinal);
            var undo = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var change in entry.Changes.Where(c => fields.Contains(c.Field)))
            {
                var now = ServiceChanges.Read(service, change.Field);
                if (now != change.NewValue)
                {
                    throw new ConflictError($"{change.Field} has changed again since version {entry.Version} (it is now '{now ?? "not set"}'): change it by hand instead.");
                }

                undo[change.Field] = change.OldValue;
            }

            if (undo.Count == 0)
            {
                throw new ConflictError($"Version {entry.Version} ({entry.Action}) changed no field that can be put back here.");
            }

            var changes = await ApplyChangesAsync(service, undo, cancellationToken);
            changes.Insert(0, new FieldChange("reverts", null, $"version {entry.Version} by {entry.Actor}"));
            Record(service, "reverted", changes, actor, submissionId: null);
            await db.SaveChangesAsync(cancellationToken);
            return service;
        }, cancellationToken);
    }

    /// <summary>Still listed, never open, until reopened.</summary>
    public Task<Service> CloseTemporarilyAsync(Guid serviceId, int? expectedVersion, CancellationToken cancellationToken) =>
        SetStatusAsync(serviceId, expectedVersion, ServiceStatus.TemporarilyClosed, "temporarily closed", cancellationToken);

    /// <summary>Out of public results (inactive); nothing is deleted.</summary>
    public Task<Service> ArchiveAsync(Guid serviceId, int? expectedVersion, CancellationToken cancellationToken) =>
        SetStatusAsync(serviceId, expectedVersion, ServiceStatus.Inactive, "archived", cancellationToken);

    /// <summary>Listed again as active: after archiving, or to reopen a temporarily closed service.</summary>
    public Task<Service> RestoreAsync(Guid serviceId, int? expectedVersion, CancellationToken cancellationToken) =>
        SetStatusAsync(serviceId, expectedVersion, ServiceStatus.Active, "restored", cancellationToken);

    /// <summary>Listings whose name contains the text (any status), by name: for finding one to look after.</summary>
    public async Task<IReadOnlyList<Service>> FindAsync(string text, int first, CancellationToken cancellationToken)
    {
        await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        CheckPageSize(first);
        var words = SubmissionRules.Required(text, "text", SubmissionRules.MaxName)!.Trim();
        return await db.Services.Where(s => EF.Functions.Like(s.Name, "%" + words.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%", "\\"))
            .OrderBy(s => s.Name).ThenBy(s => s.Id).Take(first).ToListAsync(cancellationToken);
    }

    /// <summary>One listing with its audit trail, newest first.</summary>
    public async Task<(Service Listing, IReadOnlyList<AuditEntry> History)> ListingAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        await caller.RequireAsync(ApiKeyRole.Moderator, cancellationToken);
        var listing = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
            ?? throw new NotFoundError("id", $"there is no service {serviceId}");
        var history = await db.AuditEntries.Where(a => a.ServiceId == serviceId).OrderByDescending(a => a.Id).Take(200).ToListAsync(cancellationToken);
        return (listing, history);
    }

    public Task<Service> SetStatusAsync(Guid serviceId, int? expectedVersion, ServiceStatus status, string action, CancellationToken cancellationToken) =>
        ChangeServiceAsync(serviceId, expectedVersion, action, service =>
        {
            if (service.Status == status)
            {
                throw new ConflictError($"The service is already {status.ToHsds()}.");
            }

            var before = service.Status;
            service.Status = status;
            return [new FieldChange("status", before.ToHsds(), status.ToHsds())];
        }, cancellationToken);

    private async Task<Service> ChangeServiceAsync(Guid serviceId, int? expectedVersion, string action, Func<Service, List<FieldChange>> change, CancellationToken cancellationToken, bool providerMay = false)
    {
        var actor = await caller.RequireAsync(providerMay ? ApiKeyRole.Provider : ApiKeyRole.Moderator, cancellationToken);
        return await InTransactionAsync(async () =>
        {
            var service = await ServiceAsync(serviceId, "input.serviceId", cancellationToken);
            RequireMayChange(actor, service);
            CheckVersion(service, expectedVersion);
            Record(service, action, change(service), actor, submissionId: null);
            await db.SaveChangesAsync(cancellationToken);
            return service;
        }, cancellationToken);
    }

    private async Task<Service> CreateListingAsync(Submission submission, Actor actor, CancellationToken cancellationToken)
    {
        var listing = JsonSerializer.Deserialize<OrganizationDocument>(submission.Payload, SeedJson.Options)
            ?? throw new InvalidDataException($"Submission {submission.Reference} holds no listing.");
        var terms = await categories.IdsByCodeAsync(cancellationToken);
        var built = new ListingBuilder($"submission {submission.Reference}", terms, []).Build(listing, "listing");

        var now = time.GetUtcNow();
        built.Organization.LastModified = now;
        db.Organizations.Add(built.Organization);
        db.Attributes.AddRange(built.Attributes);
        var service = built.Services.Single();
        service.AssuredDate = Today(); // a moderator has just checked it
        db.Services.Add(service);
        submission.ServiceId = service.Id;

        var fields = ServiceChanges.Names.Select(f => new FieldChange(f, null, ServiceChanges.Read(service, f))).Where(c => c.NewValue is not null).ToList();
        fields.Add(new FieldChange("organization", null, built.Organization.Name));
        fields.AddRange(built.Organization.Locations.Select((l, i) => new FieldChange($"locations[{i}]", null, $"{l.Name} ({l.Latitude:0.#####}, {l.Longitude:0.#####})")));
        Record(service, "created", fields, actor, submission.Id, newListing: true);
        return service;
    }

    private async Task<Service> ApplySuggestionAsync(Submission submission, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        var service = await ServiceChanges.WithChangeableParts(db.Services.AsTracking()).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == submission.ServiceId!.Value, cancellationToken)
            ?? throw new NotFoundError("input.id", $"there is no service {submission.ServiceId}");
        if (expectedVersion is null)
        {
            throw new InputError("input.expectedVersion", "is required to approve a suggested change: the listing's version you reviewed (currentVersion in the queue)");
        }

        CheckVersion(service, expectedVersion);
        var changes = await ApplyChangesAsync(service, Suggestion(submission).Changes, cancellationToken);
        Record(service, "updated", changes, actor, submission.Id);
        return service;
    }

    /// <summary>Writes each proposed field that differs from the listing now, and returns what changed.</summary>
    private async Task<List<FieldChange>> ApplyChangesAsync(Service service, IReadOnlyDictionary<string, string?> proposed, CancellationToken cancellationToken)
    {
        var changes = new List<FieldChange>();
        if (proposed.Any(c => c.Key.StartsWith("address.", StringComparison.Ordinal) && ServiceChanges.Read(service, c.Key) != c.Value)
            && await SeparateSharedPlaceAsync(service, cancellationToken) is { } separated)
        {
            changes.Add(separated);
        }

        foreach (var (field, value) in proposed.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var current = ServiceChanges.Read(service, field);
            if (current != value)
            {
                ServiceChanges.Write(db, service, field, value);
                changes.Add(new FieldChange(field, current, value));
            }
        }

        if (changes.Any(c => c.Field == ServiceChanges.Postcode))
        {
            changes.Add(await MovePlaceAsync(service, cancellationToken));
        }

        if (service.MinimumAge > service.MaximumAge)
        {
            throw new ConflictError($"Applying this would make minimumAge ({service.MinimumAge}) more than maximumAge ({service.MaximumAge}); reject it or change the listing first.");
        }

        return changes;
    }

    private async Task<Service> ChangeableAsync(Guid serviceId, CancellationToken cancellationToken) =>
        await ServiceChanges.WithChangeableParts(db.Services.AsTracking()).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
        ?? throw new NotFoundError("input.serviceId", $"there is no service {serviceId}");

    /// <summary>A provider may change only its own organisation's listings; moderators any.</summary>
    private static void RequireMayChange(Actor actor, Service service)
    {
        if (!actor.MayChange(service.OrganizationId))
        {
            throw AccessError.Forbidden(actor.Role == ApiKeyRole.Provider
                ? "This listing belongs to another organisation: you can change only your own organisation's listings."
                : $"'{actor.Name}' has the {Caller.Name(actor.Role)} role; this needs moderator.");
        }
    }

    private FieldChange Verified(Service service)
    {
        var before = service.AssuredDate;
        service.AssuredDate = Today();
        return new FieldChange("lastVerified", Text(before), Text(service.AssuredDate));
    }

    /// <summary>
    /// Other listings at the same place keep its address: before its address changes, this listing gets
    /// a place of its own, a copy of the shared one (linked anew, so the search indexes follow).
    /// </summary>
    private async Task<FieldChange?> SeparateSharedPlaceAsync(Service service, CancellationToken cancellationToken)
    {
        if (ServiceChanges.Place(service) is not { } shared)
        {
            return null;
        }

        var others = await db.ServiceAtLocations.CountAsync(l => l.LocationId == shared.Id && l.ServiceId != service.Id, cancellationToken);
        if (others == 0)
        {
            return null;
        }

        var own = new Location
        {
            Id = Guid.NewGuid(),
            OrganizationId = shared.OrganizationId,
            LocationType = shared.LocationType,
            Name = shared.Name,
            AlternateName = shared.AlternateName,
            Description = shared.Description,
            Transportation = shared.Transportation,
            Latitude = shared.Latitude,
            Longitude = shared.Longitude,
        };
        own.Addresses.AddRange(shared.Addresses.Select(a => new Address
        {
            Id = Guid.NewGuid(),
            LocationId = own.Id,
            Attention = a.Attention,
            Address1 = a.Address1,
            Address2 = a.Address2,
            City = a.City,
            Region = a.Region,
            StateProvince = a.StateProvince,
            PostalCode = a.PostalCode,
            Country = a.Country,
            AddressType = a.AddressType,
        }));

        var link = service.ServiceAtLocations.First(l => l.LocationId == shared.Id);
        var ownLink = new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = service.Id, LocationId = own.Id, Description = link.Description, Location = own };
        service.ServiceAtLocations.Remove(link);
        db.ServiceAtLocations.Remove(link);
        db.Locations.Add(own);
        db.ServiceAtLocations.Add(ownLink);
        service.ServiceAtLocations.Add(ownLink);
        return new FieldChange("address.place", $"{shared.Name} (shared with {others} other listing{(others == 1 ? "" : "s")})", $"{own.Name} (this listing's own)");
    }

    /// <summary>A place at a new postcode is put at that postcode's district, as a new listing's place is.</summary>
    private async Task<FieldChange> MovePlaceAsync(Service service, CancellationToken cancellationToken)
    {
        var place = ServiceChanges.Place(service)!;
        var before = Point(place.Latitude, place.Longitude);
        if (Postcode.TryParse(place.Addresses[0].PostalCode, out var postcode) && await postcodes.FindAsync(postcode!, cancellationToken) is { } found)
        {
            place.Latitude = found.Point.Latitude;
            place.Longitude = found.Point.Longitude;
        }

        return new FieldChange("address.location", before, Point(place.Latitude, place.Longitude));
    }

    private static string? Point(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:0.#####}, {lon:0.#####}") : null;

    public static ClaimPayload Claim(Submission submission) =>
        JsonSerializer.Deserialize<ClaimPayload>(submission.Payload, JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"Submission {submission.Reference} holds no claim.");

    public static SuggestionPayload Suggestion(Submission submission) =>
        JsonSerializer.Deserialize<SuggestionPayload>(submission.Payload, JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"Submission {submission.Reference} holds no change set.");

    private void Record(Service service, string action, List<FieldChange> changes, Actor actor, Guid? submissionId, bool newListing = false) =>
        ListingAudit.Record(db, service, action, changes, actor.Name, time.GetUtcNow(), submissionId, newListing);

    private void Decide(Submission submission, SubmissionStatus status, Actor actor, string? reason)
    {
        submission.Status = status;
        submission.DecidedAt = time.GetUtcNow();
        submission.DecidedBy = actor.Name;
        submission.Reason = reason;
    }

    private async Task<Submission> PendingAsync(Guid id, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new NotFoundError("input.id", $"there is no submission {id}");
        return submission.Status == SubmissionStatus.Pending
            ? submission
            : throw new ConflictError($"Submission {submission.Reference} was already {submission.Status.ToString().ToLowerInvariant()} by {submission.DecidedBy} at {submission.DecidedAt:u}.");
    }

    private async Task<Service> ServiceAsync(Guid id, string field, CancellationToken cancellationToken) =>
        await db.Services.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
        ?? throw new NotFoundError(field, $"there is no service {id}");

    private static void CheckPageSize(int first)
    {
        if (first is < 1 or > MaxQueuePage)
        {
            throw new InputError("first", $"must be between 1 and {MaxQueuePage}");
        }
    }

    private static void CheckVersion(Service service, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != service.Version)
        {
            throw new ConflictError($"The listing is at version {service.Version}, not {expected}: it changed after you looked at it. Review it again.");
        }
    }

    /// <summary>
    /// Runs one change as a transaction. If another moderator changed the same listing or decided the
    /// same submission first, the version check in SQL fails, nothing is written, and the caller gets CONFLICT.
    /// A server-side flow that must change something else with it (a reminder link used up) opens the
    /// transaction itself; the change then joins it, and that flow commits both or neither.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> change, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await change();
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictError("Another moderator changed this at the same moment; nothing was applied. Review it again.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(UkLocalTime.ToUkLocal(time.GetUtcNow()));

    private static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
