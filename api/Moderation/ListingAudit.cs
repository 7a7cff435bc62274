using Signpost.Data;

namespace Signpost.Moderation;

/// <summary>
/// How every change to a listing is recorded, whoever makes it (a moderator's key, an import):
/// the listing's version goes up (a new listing starts at 1), its last-modified time is set, and
/// an audit entry names the actor, the action and each field's old and new value. The caller
/// saves it in the same transaction as the change itself.
/// </summary>
public static class ListingAudit
{
    public static AuditEntry Record(DirectoryDbContext db, Service service, string action, List<FieldChange> changes, string actor, DateTimeOffset at, Guid? submissionId = null, bool newListing = false)
    {
        if (!newListing)
        {
            service.Version++;
        }

        service.LastModified = at;
        var entry = new AuditEntry
        {
            ServiceId = service.Id,
            At = at,
            Actor = actor,
            Action = action,
            SubmissionId = submissionId,
            Version = service.Version,
            Changes = changes,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
