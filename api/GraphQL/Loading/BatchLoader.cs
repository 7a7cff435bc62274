using GraphQL.DataLoader;

namespace Signpost.GraphQL.Loading;

/// <summary>
/// Collects the keys that sibling fields ask for and fetches them in one query when the first
/// result is awaited: the executor resolves a whole level before it awaits data-loader results,
/// so a page of 100 services costs one query per child field, not 100.
/// Not thread-safe by design: queries run with the serial execution strategy (one DbContext).
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    where TKey : notnull
{
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key))
        {
            _pending.Add(key);
        }

        return new Result(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        if (_pending.Count > 0 && !_loaded.ContainsKey(key))
        {
            var keys = _pending.ToArray();
            _pending.Clear();
            var fetched = await fetch(keys, cancellationToken);
            foreach (var k in keys)
            {
                _loaded[k] = fetched.TryGetValue(k, out var value) ? value : missing;
            }
        }

        return _loaded.TryGetValue(key, out var result) ? result : missing;
    }

    private sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
