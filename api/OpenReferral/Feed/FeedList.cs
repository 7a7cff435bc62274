using Microsoft.EntityFrameworkCore;

namespace Signpost.OpenReferral.Feed;

/// <summary>
/// A list answer before it is paged or streamed: how many records it has, and any stretch of them
/// as records. Its rows come either from an ordered query (read a stretch at a time) or from a
/// bounded list already in memory (the records of the services a search matched).
/// </summary>
public sealed class FeedList<TOut>
{
    private readonly Func<CancellationToken, Task<int>> _count;
    private readonly Func<int, int, CancellationToken, Task<(int Rows, IReadOnlyList<TOut> Records)>> _read;

    private FeedList(Func<CancellationToken, Task<int>> count, Func<int, int, CancellationToken, Task<(int, IReadOnlyList<TOut>)>> read)
    {
        _count = count;
        _read = read;
    }

    public static FeedList<TOut> Of<TRow>(IQueryable<TRow> ordered, Func<List<TRow>, CancellationToken, Task<IReadOnlyList<TOut>>> map) =>
        new(ordered.CountAsync, async (skip, take, cancellationToken) =>
        {
            var rows = await ordered.Skip(skip).Take(take).ToListAsync(cancellationToken);
            return (rows.Count, await map(rows, cancellationToken));
        });

    public static FeedList<TOut> Of<TRow>(IReadOnlyList<TRow> ordered, Func<List<TRow>, CancellationToken, Task<IReadOnlyList<TOut>>> map) =>
        new(_ => Task.FromResult(ordered.Count), async (skip, take, cancellationToken) =>
        {
            var rows = ordered.Skip(skip).Take(take).ToList();
            return (rows.Count, await map(rows, cancellationToken));
        });

    public Task<int> CountAsync(CancellationToken cancellationToken) => _count(cancellationToken);

    /// <summary>The records of rows <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/>, and how many rows there were.</summary>
    public Task<(int Rows, IReadOnlyList<TOut> Records)> ReadAsync(int skip, int take, CancellationToken cancellationToken) =>
        _read(skip, take, cancellationToken);
}
