using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.Scheduling;

/// <summary>
/// Takes a job's lease: one statement that only succeeds on a free (run out) lease, or an insert
/// the primary key lets only one instance make. Whoever gets it holds it for the given time.
/// </summary>
public sealed class JobLeases(DirectoryDbContext db, TimeProvider time)
{
    /// <summary>This process, as a lease holder.</summary>
    public static readonly string ThisInstance = NameThisInstance();

    public async Task<bool> TryTakeAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var until = now + (long)duration.TotalSeconds;
        var taken = await db.JobLeases.Where(l => l.Name == name && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Holder, holder).SetProperty(x => x.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false; // held by someone, this instance included, until it runs out
        }

        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance inserted it first
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string NameThisInstance()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 64 ? name : name[^64..];
    }
}
