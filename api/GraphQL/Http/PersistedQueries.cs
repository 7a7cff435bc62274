using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Signpost.GraphQL.Errors;

namespace Signpost.GraphQL.Http;

/// <summary>
/// Automatic persisted queries (the Apollo protocol most GraphQL clients speak): a client sends
/// <c>extensions.persistedQuery.sha256Hash</c> alone; if the server does not know the hash it
/// answers PERSISTED_QUERY_NOT_FOUND and the client resends with the query, which is then
/// remembered once it has validated. This lets long queries travel as short GET URLs that CDNs
/// can cache. Bounded in bytes (<c>GraphQL:PersistedQueryCacheBytes</c>), least recently used
/// evicted first; queries longer than <c>GraphQL:MaxCacheableQueryLength</c> are never remembered.
/// </summary>
internal sealed class PersistedQueries(IOptions<GraphQLOptions> options) : IDisposable
{
    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.PersistedQueryCacheBytes), TrackStatistics = true });

    /// <param name="Hash">Set when the request registers a new persisted query, to remember once it validates.</param>
    public sealed record Resolution(string? Query, ExecutionError? Error, string? Hash = null);

    public Resolution Resolve(GraphQLRequest request)
    {
        if (request.Extensions?.TryGetValue("persistedQuery", out var value) != true || value is not IDictionary<string, object?> persisted)
        {
            return new Resolution(request.Query, null);
        }

        if (!persisted.TryGetValue("sha256Hash", out var hashValue) || hashValue is not string hash || hash.Length != 64)
        {
            return new Resolution(null, new ExecutionError("extensions.persistedQuery.sha256Hash: must be the 64-character hex SHA-256 of the query.") { Code = ErrorCodes.BadUserInput });
        }

        hash = hash.ToLowerInvariant();
        if (string.IsNullOrEmpty(request.Query))
        {
            return _queries.TryGetValue(hash, out string? known)
                ? new Resolution(known, null)
                : new Resolution(null, new ExecutionError("PersistedQueryNotFound") { Code = ErrorCodes.PersistedQueryNotFound });
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Query)));
        if (actual != hash)
        {
            return new Resolution(null, new ExecutionError("extensions.persistedQuery.sha256Hash: does not match the SHA-256 of the query.") { Code = ErrorCodes.BadUserInput });
        }

        return new Resolution(request.Query, null, hash);
    }

    /// <summary>Remembers a query that validated under its hash.</summary>
    public void Remember(Resolution resolution)
    {
        if (resolution is { Hash: { } hash, Query: { } query } && query.Length <= options.Value.MaxCacheableQueryLength)
        {
            // The text (UTF-16), its 64-character key and the entry's own overhead.
            _queries.Set(hash, query, new MemoryCacheEntryOptions { Size = 2L * (query.Length + hash.Length) + 200 });
        }
    }

    /// <summary>How many queries are remembered and their estimated bytes.</summary>
    public MemoryCacheStatistics Statistics => _queries.GetCurrentStatistics()!;

    public void Dispose() => _queries.Dispose();
}
