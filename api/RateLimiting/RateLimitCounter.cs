namespace Signpost.RateLimiting;

/// <summary>
/// How many requests one client made for one purpose in one short time bucket. A window is a run of
/// buckets, so every API instance counts against the same budget and a restart forgets nothing.
/// </summary>
public sealed class RateLimitCounter
{
    /// <summary>What is limited: "submissions".</summary>
    public required string Partition { get; set; }

    /// <summary>Who is limited: the client's address (an IPv6 client by its /64 network).</summary>
    public required string ClientKey { get; set; }

    /// <summary>When the bucket starts, in Unix seconds, so SQL can compare and delete by time.</summary>
    public long BucketStart { get; set; }

    public int Count { get; set; }
}
