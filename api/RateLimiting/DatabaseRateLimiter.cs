using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.RateLimiting;

/// <summary>
/// Per-client limits whose counts live in the database, so every API instance shares one budget per
/// client and a restart forgets nothing. A sliding window is approximated by fixed buckets (a sixth
/// of the window each): a request counts in the current bucket and is allowed while the buckets
/// still inside the window add up to no more than the limit.
/// </summary>
public sealed class DatabaseRateLimiter(DirectoryDbContext db, TimeProvider time)
{
    public const int BucketsPerWindow = 6;

    /// <summary>
    /// Counts one request from the client and returns true, or returns false and counts nothing when
    /// the window is full (a refused client is never held back longer than the window). Runs in the
    /// caller's transaction when there is one, so the count commits or rolls back with the caller's
    /// write; otherwise in its own. Either way the transaction serialises concurrent requests.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string partition, string clientKey, int limit, TimeSpan window, CancellationToken cancellationToken)
    {
        var windowSeconds = Math.Max(1, (long)Math.Ceiling(window.TotalSeconds));
        var bucketSeconds = Math.Max(1, windowSeconds / BucketsPerWindow);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var bucket = now - (now % bucketSeconds);
        // Buckets that start at or before this have left the window.
        var expired = bucket - windowSeconds;

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // Cheap on the (partition, bucket_start) index, and keeps the table to the live buckets.
            await db.RateLimitCounters.Where(c => c.Partition == partition && c.BucketStart <= expired).ExecuteDeleteAsync(cancellationToken);
            await AddAsync(partition, clientKey, bucket, 1, cancellationToken);
            var used = await db.RateLimitCounters
                .Where(c => c.Partition == partition && c.ClientKey == clientKey && c.BucketStart > expired)
                .SumAsync(c => c.Count, cancellationToken);
            var allowed = used <= limit;
            if (!allowed)
            {
                await AddAsync(partition, clientKey, bucket, -1, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return allowed;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Adds to the client's bucket, creating it on the first request in it.</summary>
    private async Task AddAsync(string partition, string clientKey, long bucket, int delta, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var updated = await db.RateLimitCounters
                .Where(c => c.Partition == partition && c.ClientKey == clientKey && c.BucketStart == bucket)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + delta), cancellationToken);
            if (updated > 0 || delta < 0)
            {
                return;
            }

            var counter = new RateLimitCounter { Partition = partition, ClientKey = clientKey, BucketStart = bucket, Count = delta };
            db.RateLimitCounters.Add(counter);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Where writers are not serialised (SQL Server), another instance may have created the
                // bucket since the update: the primary key refuses the second row, so add to the first.
            }
            finally
            {
                db.Entry(counter).State = EntityState.Detached;
            }
        }
    }
}
