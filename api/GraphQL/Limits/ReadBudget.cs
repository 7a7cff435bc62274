using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Signpost.GraphQL.Limits;

/// <summary>
/// Each client's budget of query cost per minute (<c>GraphQL:ReadBudgetPerMinute</c>): a token
/// bucket per client address that refills a sixtieth every second, from .NET's rate limiting.
/// Kept in memory, per API instance, by design: it guards one instance's CPU and database.
/// </summary>
internal sealed class ReadBudget : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ReadBudget(IOptions<GraphQLOptions> options)
    {
        var perMinute = options.Value.ReadBudgetPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = Math.Max(1, perMinute / 60),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Spends <paramref name="cost"/> (at least 1 per request) from the client's budget, or says when to come back.</summary>
    public bool TryCharge(string client, int cost, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(client, Math.Max(1, cost));
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after
            : TimeSpan.FromSeconds(60);
        return lease.IsAcquired;
    }

    /// <summary>What the client has left to spend now.</summary>
    public long Remaining(string client) => _limiter.GetStatistics(client)?.CurrentAvailablePermits ?? 0;

    public void Dispose() => _limiter.Dispose();
}
