using Microsoft.Extensions.Options;
using Signpost.GraphQL.Errors;
using Signpost.Networking;
using Signpost.RateLimiting;

namespace Signpost.Submissions;

/// <summary>
/// Per-client limit on public submissions (a sliding window per IP address, an IPv6 client per /64),
/// so one sender cannot flood the moderation queue. The counts are in the database: every instance
/// shares them and a restart keeps them. Behind a proxy, configure <c>ForwardedHeaders</c> so the
/// client's address is seen.
/// </summary>
public sealed class SubmissionRateLimiter(DatabaseRateLimiter counters, IOptions<SubmissionOptions> options, IHttpContextAccessor http)
{
    public const string Partition = "submissions";

    /// <summary>
    /// Counts one submission from the calling client, or refuses it with RATE_LIMITED and counts
    /// nothing. Call it in the transaction that stores the submission, so the two commit together.
    /// </summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = ClientAddress.Key(http.HttpContext?.Connection.RemoteIpAddress);
        if (!await counters.TryAcquireAsync(Partition, client, settings.PerClientLimit, settings.Window, cancellationToken))
        {
            throw new RateLimitedError($"Too many submissions from this address: at most {settings.PerClientLimit} in {Describe(settings.Window)}. Please try again later.");
        }
    }

    private static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours % 1 == 0 ? $"{window.TotalHours:0} hour{(window.TotalHours == 1 ? "" : "s")}" : $"{window.TotalMinutes:0.#} minutes";
}
