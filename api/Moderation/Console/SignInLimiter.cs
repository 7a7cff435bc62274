using System.Threading.RateLimiting;
using Signpost.Networking;

namespace Signpost.Moderation.Console;

/// <summary>
/// Bounds how often one address may post to the console's open forms (sign-in, the code step, a
/// forgotten password, choosing a password): account lockout stops guessing one account's
/// password, this stops one address trying many accounts or flooding inboxes. A fixed window per
/// address (<c>Console:SignInPostsPerMinute</c>, 20 by default), in memory, per instance.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    public const int DefaultPerMinute = 20;

    private static readonly string[] OpenForms = ["/sign-in", "/sign-in/code", "/forgot-password", "/set-password"];

    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInLimiter(IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Console:SignInPostsPerMinute", DefaultPerMinute);
        if (perMinute < 1)
        {
            throw new InvalidOperationException("Console:SignInPostsPerMinute must be 1 or more.");
        }

        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>False when this request is a post to an open form over its address's limit.</summary>
    public bool Allows(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsPost(context.Request.Method)
            || !OpenForms.Any(form => path.Equals(ConsoleServiceCollectionExtensions.Path + form, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(ClientAddress.Key(context.Connection.RemoteIpAddress));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
