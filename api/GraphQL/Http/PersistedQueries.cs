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
/// remembered. This lets long queries travel as short GET URLs that CDNs can cache.
/// </summary>
internal sealed class PersistedQueries(IOptions<GraphQLOptions> options)
{
    private readonly MemoryCache _queries = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.PersistedQueryCacheSize) });

    public sealed record Resolution(string? Query, ExecutionError? Error);

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

        _queries.Set(hash, request.Query, new MemoryCacheEntryOptions { Size = 1 });
        return new Resolution(request.Query, null);
    }
}
