using System.ComponentModel.DataAnnotations;

namespace Signpost.GraphQL;

/// <summary>
/// Limits for the GraphQL endpoint: what one anonymous request may cost in bytes, work and time.
/// Bound from the <c>GraphQL</c> configuration section and checked at start-up.
/// </summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest request body accepted, in bytes; enforced while the body is read.</summary>
    [Range(1_024, 10_485_760)]
    public int MaxRequestBytes { get; set; } = 262_144;

    /// <summary>Deepest selection set accepted (fields within fields, fragments expanded).</summary>
    [Range(2, 50)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Most fields a request may select once its fragments are expanded (counted without walking
    /// the expansion). Real queries, GraphiQL's schema query and the site's included, select a few hundred.
    /// </summary>
    [Range(10, 100_000)]
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Most top-level fields (aliases included) in one operation.</summary>
    [Range(1, 1_000)]
    public int MaxRootFields { get; set; } = 10;

    /// <summary>
    /// Highest query cost accepted. Cost estimates the values a response holds: each field counts
    /// once per object it is asked of; lists count <c>first</c> (or their known size) items; a
    /// search adds <see cref="SearchCost"/>. The site's page of 100 services costs about 35,000,
    /// GraphiQL's schema query about 63,000.
    /// </summary>
    [Range(10, 10_000_000)]
    public int MaxComplexity { get; set; } = 100_000;

    /// <summary>
    /// How many items a nested list (a service's phones, locations, schedules) is taken to hold
    /// when a query is costed. Real listings have a handful; paged lists are costed by <c>first</c>.
    /// </summary>
    [Range(1, 100)]
    public int ListImpactMultiplier { get; set; } = 5;

    /// <summary>The fixed cost of running one search (the index work, before any result is read).</summary>
    [Range(0, 100_000)]
    public int SearchCost { get; set; } = 50;

    /// <summary>
    /// Longest a request may take, from the first byte of its body to its last result; it also ends
    /// when the client goes away. Longer requests are stopped and answered with TIMEOUT.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes of parsed documents remembered (an estimate of their memory), least recently used evicted first.</summary>
    [Range(0, 1_073_741_824)]
    public long DocumentCacheBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Largest query text (in characters) that is remembered, parsed or persisted; longer queries still run.</summary>
    [Range(0, 10_485_760)]
    public int MaxCacheableQueryLength { get; set; } = 16 * 1024;

    /// <summary>Bytes of automatic persisted queries remembered, least recently used evicted first.</summary>
    [Range(0, 1_073_741_824)]
    public long PersistedQueryCacheBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Query cost each client (IP address) may spend per minute, as a token bucket that refills
    /// continuously; a request that would overdraw it gets HTTP 429 with Retry-After and RATE_LIMITED.
    /// The site's build of 10,000 services spends about 3.5 million.
    /// </summary>
    [Range(1_000, 1_000_000_000)]
    public int ReadBudgetPerMinute { get; set; } = 6_000_000;

    /// <summary>
    /// What a request refused as too big or unreadable costs its client's budget: refusing a large
    /// document takes milliseconds of parsing, so a client cannot repeat refused requests for free.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RefusalCost { get; set; } = 10_000;
}
