using System.ComponentModel.DataAnnotations;

namespace Signpost.GraphQL;

/// <summary>Limits for the GraphQL endpoint. Bound from the <c>GraphQL</c> configuration section.</summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest request body accepted, in bytes.</summary>
    [Range(1_024, 10_485_760)]
    public int MaxRequestBytes { get; set; } = 262_144;

    /// <summary>Deepest selection set accepted.</summary>
    [Range(2, 50)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Highest query complexity accepted (graphql-dotnet's complexity analysis).</summary>
    [Range(10, 10_000_000)]
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// How many items a nested list (a service's phones, locations, schedules) is taken to hold
    /// when a query is costed. Real listings have a handful; paged lists are costed by <c>first</c>.
    /// </summary>
    [Range(1, 100)]
    public int ListImpactMultiplier { get; set; } = 5;

    /// <summary>How many distinct parsed queries are remembered (see ParsedDocumentCache).</summary>
    [Range(0, 1_000_000)]
    public int DocumentCacheSize { get; set; } = 1_000;

    /// <summary>How many automatic persisted queries are remembered.</summary>
    [Range(0, 1_000_000)]
    public int PersistedQueryCacheSize { get; set; } = 2_000;
}
