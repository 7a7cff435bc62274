using Microsoft.EntityFrameworkCore;
using Signpost.Data;
using Signpost.Moderation;

namespace Signpost.OpenReferral.Import;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Archived,
}

/// <summary>
/// Stores imported listings: one transaction per service, upserted by HSDS id. A listing whose
/// snapshot is unchanged is not written at all; otherwise it is written whole (its small records
/// replaced), its version raised and an audit entry added through <see cref="ListingAudit"/> with
/// the actor <c>import:&lt;source&gt;</c>. Search indexes follow through the tables' triggers.
/// </summary>
public sealed class ListingStore(DirectoryDbContext db, TimeProvider time, string source, bool dryRun)
{
    public string Actor => $"import:{source}";

    public async Task<ImportOutcome> StoreAsync(ImportedListing listing, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var outcome = await UpsertAsync(listing, cancellationToken);
            await (dryRun ? transaction.RollbackAsync(cancellationToken) : transaction.CommitAsync(cancellationToken));
            return outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>With <c>--sync</c>: archives this source's services that it no longer lists.</summary>
    public async Task<List<Guid>> ArchiveMissingAsync(IReadOnlySet<Guid> seen, CancellationToken cancellationToken)
    {
        var candidates = await (
            from i in db.ImportedServices
            where i.Source == source
            join s in db.Services on i.ServiceId equals s.Id
            where s.Status != ServiceStatus.Inactive
            select s.Id).ToListAsync(cancellationToken);
        var archived = new List<Guid>();
        foreach (var id in candidates.Where(id => !seen.Contains(id)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var service = await db.Services.AsTracking().FirstAsync(s => s.Id == id, cancellationToken);
                var before = service.Status;
                service.Status = ServiceStatus.Inactive;
                ListingAudit.Record(db, service, "archived", [new FieldChange("status", before.ToHsds(), ServiceStatus.Inactive.ToHsds())], Actor, time.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                await (dryRun ? transaction.RollbackAsync(cancellationToken) : transaction.CommitAsync(cancellationToken));
                archived.Add(id);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return archived;
    }

    private async Task<ImportOutcome> UpsertAsync(ImportedListing listing, CancellationToken cancellationToken)
    {
        var id = listing.Service.Id;
        var owner = await db.ImportedServices.Where(i => i.ServiceId == id).Select(i => i.Source).FirstOrDefaultAsync(cancellationToken);
        var stored = await LoadAsync(id, cancellationToken);
        if (stored is not null && owner is null)
        {
            throw new ImportProblem("id", $"{id} is a Signpost listing that was not imported; it is changed only through moderation");
        }

        if (owner is not null && owner != source)
        {
            throw new ImportProblem("id", $"{id} was imported from the source '{owner}'; import it from there");
        }

        var after = ListingSnapshot.Of(listing.Service, listing.Organization, listing.Locations, listing.LocationDetails, listing.Attributes);
        if (stored is not null)
        {
            var storedAttributes = await db.Attributes.Where(a => a.LinkId == id).ToListAsync(cancellationToken);
            var storedLocations = stored.ServiceAtLocations.Select(a => a.Location!).ToList();
            var before = ListingSnapshot.Of(stored, stored.Organization!, storedLocations, await LocationDetailsAsync(storedLocations, cancellationToken), storedAttributes);
            var changes = ListingSnapshot.Diff(before, after);
            if (changes.Count == 0)
            {
                return ImportOutcome.Unchanged;
            }

            await DeleteSmallRecordsAsync(id, cancellationToken);
            await UpsertOrganizationAsync(listing.Organization, cancellationToken);
            await UpsertLocationsAsync(listing.Locations, listing.LocationDetails, cancellationToken);
            await UpsertTermsAsync(listing.Terms, cancellationToken);
            var service = await db.Services.AsTracking().FirstAsync(s => s.Id == id, cancellationToken);
            CopyFields(listing.Service, service);
            AddSmallRecords(listing);
            ListingAudit.Record(db, service, "updated", changes, Actor, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return ImportOutcome.Updated;
        }

        await UpsertOrganizationAsync(listing.Organization, cancellationToken);
        await UpsertLocationsAsync(listing.Locations, listing.LocationDetails, cancellationToken);
        await UpsertTermsAsync(listing.Terms, cancellationToken);
        var created = listing.Service;
        var links = created.ServiceAtLocations;
        created.ServiceAtLocations = [];
        created.Organization = null;
        db.Services.Add(created);
        db.ServiceAtLocations.AddRange(links);
        db.Attributes.AddRange(listing.Attributes);
        db.ImportedServices.Add(new ImportedService { ServiceId = id, Source = source, FirstImportedAt = time.GetUtcNow() });
        ListingAudit.Record(db, created, "created", ListingSnapshot.Diff(new Dictionary<string, string?>(), after), Actor, time.GetUtcNow(), newListing: true);
        await db.SaveChangesAsync(cancellationToken);
        return ImportOutcome.Created;
    }

    private Task<Service?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.Organization!).ThenInclude(o => o.Phones)
            .Include(s => s.Organization!).ThenInclude(o => o.Contacts).ThenInclude(c => c.Phones)
            .Include(s => s.Phones).Include(s => s.Schedules).Include(s => s.ServiceAreas)
            .Include(s => s.CostOptions).Include(s => s.Languages)
            .Include(s => s.Contacts).ThenInclude(c => c.Phones)
            .Include(s => s.ServiceAtLocations).ThenInclude(a => a.Location!).ThenInclude(l => l.Addresses)
            .Include(s => s.ServiceAtLocations).ThenInclude(a => a.Location!).ThenInclude(l => l.Accessibility)
            .Include(s => s.ServiceAtLocations).ThenInclude(a => a.Location!).ThenInclude(l => l.Phones)
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    /// <summary>The stored languages and schedules of these locations.</summary>
    private async Task<LocationDetails> LocationDetailsAsync(List<Location> locations, CancellationToken cancellationToken)
    {
        var ids = locations.Select(l => (Guid?)l.Id).ToList();
        return new LocationDetails(
            await db.Languages.Where(l => ids.Contains(l.LocationId)).ToListAsync(cancellationToken),
            await db.Schedules.Where(s => ids.Contains(s.LocationId)).ToListAsync(cancellationToken));
    }

    /// <summary>Removes the service's own small records; they are written again from the source.</summary>
    private async Task DeleteSmallRecordsAsync(Guid id, CancellationToken cancellationToken)
    {
        var contactIds = db.Contacts.Where(c => c.ServiceId == id).Select(c => c.Id);
        await db.Phones.Where(p => p.ServiceId == id || (p.ContactId != null && contactIds.Contains(p.ContactId.Value))).ExecuteDeleteAsync(cancellationToken);
        await db.Contacts.Where(c => c.ServiceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Schedules.Where(s => s.ServiceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ServiceAreas.Where(a => a.ServiceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CostOptions.Where(c => c.ServiceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Languages.Where(l => l.ServiceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.ServiceAtLocations.Where(a => a.ServiceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Attributes.Where(a => a.LinkId == id).ExecuteDeleteAsync(cancellationToken);
    }

    private void AddSmallRecords(ImportedListing listing)
    {
        var s = listing.Service;
        db.Phones.AddRange(s.Phones);
        db.Contacts.AddRange(s.Contacts);
        db.Schedules.AddRange(s.Schedules);
        db.ServiceAreas.AddRange(s.ServiceAreas);
        db.CostOptions.AddRange(s.CostOptions);
        db.Languages.AddRange(s.Languages);
        db.ServiceAtLocations.AddRange(s.ServiceAtLocations);
        db.Attributes.AddRange(listing.Attributes);
    }

    /// <summary>
    /// Writes the organisation's fields, and replaces its phones and contacts with the source's: an
    /// organisation is shared by its services, so each of their listings carries the same ones.
    /// </summary>
    private async Task UpsertOrganizationAsync(Organization incoming, CancellationToken cancellationToken)
    {
        var contactIds = db.Contacts.Where(c => c.OrganizationId == incoming.Id).Select(c => c.Id);
        await db.Phones.Where(p => p.OrganizationId == incoming.Id || (p.ContactId != null && contactIds.Contains(p.ContactId.Value))).ExecuteDeleteAsync(cancellationToken);
        await db.Contacts.Where(c => c.OrganizationId == incoming.Id).ExecuteDeleteAsync(cancellationToken);
        db.Phones.AddRange(incoming.Phones);
        db.Contacts.AddRange(incoming.Contacts);

        var organization = await db.Organizations.AsTracking().FirstOrDefaultAsync(o => o.Id == incoming.Id, cancellationToken);
        if (organization is null)
        {
            incoming.LastModified = time.GetUtcNow();
            db.Organizations.Add(new Organization
            {
                Id = incoming.Id, Name = incoming.Name, AlternateName = incoming.AlternateName, Description = incoming.Description,
                Email = incoming.Email, Website = incoming.Website, LegalStatus = incoming.LegalStatus, Uri = incoming.Uri, LastModified = incoming.LastModified,
            });
            return;
        }

        organization.Name = incoming.Name;
        organization.AlternateName = incoming.AlternateName;
        organization.Description = incoming.Description;
        organization.Email = incoming.Email;
        organization.Website = incoming.Website;
        organization.LegalStatus = incoming.LegalStatus;
        organization.Uri = incoming.Uri;
        if (db.Entry(organization).State == EntityState.Modified)
        {
            organization.LastModified = time.GetUtcNow();
        }
    }

    private async Task UpsertLocationsAsync(List<Location> incoming, LocationDetails details, CancellationToken cancellationToken)
    {
        foreach (var l in incoming)
        {
            // Languages and schedules name their location without being part of it: replaced as its phones are.
            await db.Languages.Where(x => x.LocationId == l.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Schedules.Where(x => x.LocationId == l.Id).ExecuteDeleteAsync(cancellationToken);
            db.Languages.AddRange(details.Languages.Where(x => x.LocationId == l.Id));
            db.Schedules.AddRange(details.Schedules.Where(x => x.LocationId == l.Id));

            var location = await db.Locations.AsTracking().FirstOrDefaultAsync(x => x.Id == l.Id, cancellationToken);
            if (location is null)
            {
                l.Organization = null;
                l.ServiceAtLocations = [];
                db.Locations.Add(l);
                continue;
            }

            // A place another organisation listed first stays theirs; its details follow the source.
            location.LocationType = l.LocationType;
            location.Name = l.Name;
            location.AlternateName = l.AlternateName;
            location.Description = l.Description;
            location.Transportation = l.Transportation;
            location.ExternalIdentifier = l.ExternalIdentifier;
            location.Latitude = l.Latitude;
            location.Longitude = l.Longitude;
            await db.Addresses.Where(a => a.LocationId == l.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Accessibility.Where(a => a.LocationId == l.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Phones.Where(p => p.LocationId == l.Id).ExecuteDeleteAsync(cancellationToken);
            db.Addresses.AddRange(l.Addresses);
            db.Accessibility.AddRange(l.Accessibility);
            db.Phones.AddRange(l.Phones);
        }
    }

    private async Task UpsertTermsAsync(List<SourceTerm> terms, CancellationToken cancellationToken)
    {
        foreach (var (taxonomy, term, _) in terms)
        {
            if (db.Taxonomies.Local.All(t => t.Id != taxonomy.Id) && !await db.Taxonomies.AnyAsync(t => t.Id == taxonomy.Id, cancellationToken))
            {
                db.Taxonomies.Add(taxonomy);
            }

            if (db.TaxonomyTerms.Local.Any(t => t.Id == term.Id) || await db.TaxonomyTerms.AnyAsync(t => t.Id == term.Id, cancellationToken))
            {
                continue; // kept as first imported: terms are shared by every service that uses them
            }

            // Codes are unique within a taxonomy; a clash keeps the term by its id instead.
            if (await db.TaxonomyTerms.AnyAsync(t => t.TaxonomyId == term.TaxonomyId && t.Code == term.Code, cancellationToken)
                || db.TaxonomyTerms.Local.Any(t => t.TaxonomyId == term.TaxonomyId && t.Code == term.Code))
            {
                term.Code = term.Id.ToString("D");
            }

            if (term.ParentId is { } parent && !db.TaxonomyTerms.Local.Any(t => t.Id == parent) && !await db.TaxonomyTerms.AnyAsync(t => t.Id == parent, cancellationToken))
            {
                term.ParentId = null; // the parent is not in this source's data
            }

            db.TaxonomyTerms.Add(term);
        }
    }

    private static void CopyFields(Service from, Service to)
    {
        to.OrganizationId = from.OrganizationId;
        to.Name = from.Name;
        to.AlternateName = from.AlternateName;
        to.Description = from.Description;
        to.Url = from.Url;
        to.Email = from.Email;
        to.Status = from.Status;
        to.InterpretationServices = from.InterpretationServices;
        to.ApplicationProcess = from.ApplicationProcess;
        to.FeesDescription = from.FeesDescription;
        to.EligibilityDescription = from.EligibilityDescription;
        to.MinimumAge = from.MinimumAge;
        to.MaximumAge = from.MaximumAge;
        to.Alert = from.Alert;
        to.AssuredDate = from.AssuredDate;
    }
}
