using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Signpost.Data;
using Signpost.OpeningHours;

namespace Signpost.Reminders;

/// <summary>A listing whose reminder is due: the highest threshold it has passed, not yet recorded.</summary>
public sealed record DueListing(long RowId, Guid ServiceId, string Name, string? Email, DateOnly? LastVerified, int ThresholdMonths, bool Final)
{
    public DateOnly VerifiedOn => LastVerified ?? ReviewReminder.NeverVerified;
}

/// <summary>
/// Finds listings (active or temporarily closed) whose reminder is due. Only the highest passed
/// threshold counts, so a listing first seen at 11 months gets the 11-month reminder, not the
/// 10-month one too. Each threshold is one indexed range of last-verified dates, read in pages by
/// row key, so a national directory is read a page at a time.
/// </summary>
public sealed class DueListings(DirectoryDbContext db, IOptions<ReminderOptions> options, TimeProvider time)
{
    public const int PageSize = 200;

    public async IAsyncEnumerable<DueListing> FindAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = Today(time);
        var thresholds = options.Value.Thresholds;
        for (var i = thresholds.Count - 1; i >= 0; i--)
        {
            var months = thresholds[i];
            var final = i == thresholds.Count - 1;
            var passed = today.AddMonths(-months);
            DateOnly? nextPassed = final ? null : today.AddMonths(-thresholds[i + 1]);
            var after = 0L;
            while (true)
            {
                var query = db.Services.Where(s => (s.Status == ServiceStatus.Active || s.Status == ServiceStatus.TemporarilyClosed) && s.RowId > after);
                query = final
                    ? query.Where(s => s.AssuredDate == null || s.AssuredDate <= passed)
                    : query.Where(s => s.AssuredDate <= passed && s.AssuredDate > nextPassed);
                var page = await query
                    .Where(s => !db.ReviewReminders.Any(r => r.ServiceId == s.Id && r.ThresholdMonths == months
                        && r.VerifiedOn == (s.AssuredDate ?? ReviewReminder.NeverVerified)))
                    .OrderBy(s => s.RowId)
                    .Select(s => new DueListing(s.RowId, s.Id, s.Name, s.Email, s.AssuredDate, months, final))
                    .Take(PageSize)
                    .ToListAsync(cancellationToken);
                foreach (var listing in page)
                {
                    yield return listing;
                }

                if (page.Count < PageSize)
                {
                    break;
                }

                after = page[^1].RowId;
            }
        }
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(UkLocalTime.ToUkLocal(time.GetUtcNow()));
}
