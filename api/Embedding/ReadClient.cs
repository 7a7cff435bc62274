using Microsoft.Extensions.Options;
using Signpost.GraphQL;
using Signpost.Networking;

namespace Signpost.Embedding;

/// <summary>Whose read budget a request spends: a registered site's (by its client key), or its address's.</summary>
public sealed record ReadClient(string Partition, int BudgetPerMinute, string Name)
{
    public const string Header = "X-Signpost-Client";

    public const string Anonymous = "anonymous";
}

/// <summary>Works out a request's <see cref="ReadClient"/>; a key that is wrong, revoked or sent from another origin is refused, saying which.</summary>
public sealed class ReadClients(ClientKeyStore keys, IOptions<GraphQLOptions> options)
{
    public async Task<(ReadClient? Client, string? Problem)> ResolveAsync(HttpContext http)
    {
        var address = new ReadClient(ClientAddress.Key(http.Connection.RemoteIpAddress), options.Value.ReadBudgetPerMinute, ReadClient.Anonymous);
        var sent = http.Request.Headers[ReadClient.Header].ToString().Trim();
        if (sent.Length == 0)
        {
            return (address, null);
        }

        if (await keys.FindAsync(sent, http.RequestAborted) is not { } key)
        {
            return (null, $"{ReadClient.Header}: this client key is not known, or has been revoked. Send no key to use the API within the default budget.");
        }

        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !key.Origins.Contains(origin.ToLowerInvariant(), StringComparer.Ordinal))
        {
            return (null, key.Origins.Count == 0
                ? $"{ReadClient.Header}: the key for '{key.Name}' is for servers only, not for pages at {origin}."
                : $"{ReadClient.Header}: the key for '{key.Name}' is registered for {string.Join(", ", key.Origins)}, not for pages at {origin}.");
        }

        return (new ReadClient("key:" + key.Id.ToString("N"), key.ReadBudgetPerMinute, key.Name), null);
    }
}
