using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Signpost.Embedding;

namespace Signpost.GraphQL.Limits;

/// <summary>
/// Each client's budget of query cost per minute (<c>GraphQL:ReadBudgetPerMinute</c> for an
/// address; a registered site's own for its client key): a token bucket per client that refills a
/// sixtieth every second, from .NET's rate limiting.
/// Kept in memory, per API instance, by design: it guards one instance's CPU and database.
/// </summary>
internal sealed class ReadBudget : IDisposable
{
    private readonly PartitionedRateLimiter<ReadClient> _limiter;

    public ReadBudget()
    {
        _limiter = PartitionedRateLimiter.Create<ReadClient, string>(client =>
            RateLimitPartition.GetTokenBucketLimiter(client.Partition, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = client.BudgetPerMinute,
                TokensPerPeriod = Math.Max(1, client.BudgetPerMinute / 60),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>
    /// Spends <paramref name="cost"/> from the client's budget, or spends nothing and says when to
    /// come back. A cost of 0 only asks whether anything is left.
    /// </summary>
    public bool TryCharge(ReadClient client, int cost, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(client, Math.Clamp(cost, 0, client.BudgetPerMinute));
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after
            : TimeSpan.FromSeconds(60);
        return lease.IsAcquired;
    }

    /// <summary>Spends up to <paramref name="cost"/>: all of it, or whatever is left.</summary>
    public void Spend(ReadClient client, int cost)
    {
        using var lease = _limiter.AttemptAcquire(client, (int)Math.Clamp(Math.Min(cost, Remaining(client)), 0, client.BudgetPerMinute));
    }

    /// <summary>What the client has left to spend now.</summary>
    public long Remaining(ReadClient client) => _limiter.GetStatistics(client)?.CurrentAvailablePermits ?? 0;

    public void Dispose() => _limiter.Dispose();
}
