using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Signpost.GraphQL.Errors;

namespace Signpost.Submissions;

/// <summary>
/// Per-client limit on public submissions (a sliding window per IP address), so one sender cannot
/// flood the moderation queue. Behind a proxy, enable forwarded headers so the client's address is seen.
/// </summary>
public sealed class SubmissionRateLimiter(IOptions<SubmissionOptions> options, IHttpContextAccessor http) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetSlidingWindowLimiter(client, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerClientLimit,
            Window = options.Value.Window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));

    /// <summary>Counts one submission from the calling client, or refuses it with RATE_LIMITED.</summary>
    public void Acquire()
    {
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = _limiter.AttemptAcquire(client);
        if (!lease.IsAcquired)
        {
            throw new RateLimitedError($"Too many submissions from this address: at most {options.Value.PerClientLimit} in {Describe(options.Value.Window)}. Please try again later.");
        }
    }

    public void Dispose() => _limiter.Dispose();

    private static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours % 1 == 0 ? $"{window.TotalHours:0} hour{(window.TotalHours == 1 ? "" : "s")}" : $"{window.TotalMinutes:0.#} minutes";
}
