using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.Search.Sqlite;

/// <summary>
/// Service search on SQLite's indexes. Nearest first: see <see cref="SqliteNearSearch"/> (R*Trees,
/// read in widening rings). Every other order is one SQL statement over the matches (FTS5 with
/// bm25 for text; with a point, the services the R*Trees place within reach), keyset-paged, and
/// counted by a second statement only when the count is asked for.
/// </summary>
public sealed class SqliteServiceSearch(DirectoryDbContext db) : IServiceSearch
{
    public Task<ServiceSearchPage> SearchAsync(ServiceSearchRequest request, CancellationToken cancellationToken) =>
        request.Text is { MatchesNothing: true }
            ? Task.FromResult(new ServiceSearchPage([], false))
            : WithConnectionAsync(connection => request switch
            {
                { Order: SearchOrder.Distance } => SqliteNearSearch.PageAsync(connection, request, cancellationToken),
                { Near: not null } => PageWithinReachAsync(connection, request, cancellationToken),
                _ => PageAsync(connection, request, within: null, cancellationToken),
            }, cancellationToken);

    public Task<int> CountAsync(ServiceSearchRequest request, CancellationToken cancellationToken) =>
        request.Text is { MatchesNothing: true }
            ? Task.FromResult(0)
            : WithConnectionAsync(async connection =>
            {
                if (request.Near is not null)
                {
                    return await SqliteNearSearch.CountAsync(connection, request, cancellationToken);
                }

                var parameters = new List<SqliteParameter>();
                await using var command = connection.CreateCommand();
                command.CommandText = BuildCountSql(request, null, parameters);
                command.Parameters.AddRange(parameters.ToArray());
                return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }, cancellationToken);

    private async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> search, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await search(connection);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A point with another order: every service within reach, in that order; distances for the page only.</summary>
    private static async Task<ServiceSearchPage> PageWithinReachAsync(SqliteConnection connection, ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        var reach = await SqliteNearSearch.WithinReachAsync(connection, request.Near!.Value, request.RadiusKm, cancellationToken);
        var page = await PageAsync(connection, request, reach, cancellationToken);
        return await SqliteNearSearch.WithDistancesAsync(connection, request.Near.Value, reach, page, cancellationToken);
    }

    private static async Task<ServiceSearchPage> PageAsync(SqliteConnection connection, ServiceSearchRequest request, IReadOnlyDictionary<long, double?>? within, CancellationToken cancellationToken)
    {
        var parameters = new List<SqliteParameter>();
        await using var command = connection.CreateCommand();
        command.CommandText = BuildPageSql(request, within?.Keys, parameters);
        command.Parameters.AddRange(parameters.ToArray());

        var hits = new List<ServiceSearchHit>(request.First + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var id = Guid.Parse(reader.GetString(1));
            var cursor = request.Order switch
            {
                SearchOrder.Relevance => SearchCursor.ForRelevance(reader.GetDouble(3), id),
                SearchOrder.Name => SearchCursor.ForName(reader.GetString(2), id),
                SearchOrder.LastVerified => SearchCursor.ForLastVerified(reader.GetString(2), id),
                _ => SearchCursor.ForRecentlyAdded(rowId, id),
            };
            hits.Add(new ServiceSearchHit(rowId, id, null, null, cursor));
        }

        var hasNext = hits.Count > request.First;
        if (hasNext)
        {
            hits.RemoveAt(hits.Count - 1);
        }

        return new ServiceSearchPage(hits, hasNext);
    }

    /// <summary>
    /// The page's SQL, exposed so tests can check its query plan. Name and recently-added orders
    /// walk an index in order (no sort); relevance and last-verified sort the matches.
    /// </summary>
    public static string BuildPageSql(ServiceSearchRequest request, IEnumerable<long>? within, List<SqliteParameter> parameters)
    {
        var (key, orderBy, keyset) = request.Order switch
        {
            SearchOrder.Relevance => ("NULL", "t.rank, s.id", "(t.rank, s.id) > (@afterRank, @afterId)"),
            SearchOrder.Name => ("s.name", "s.name COLLATE NOCASE, s.id", "(s.name COLLATE NOCASE, s.id) > (@afterKey, @afterId)"),
            SearchOrder.LastVerified => (
                "coalesce(s.assured_date, '')",
                "coalesce(s.assured_date, '') DESC, s.id",
                "(coalesce(s.assured_date, '') < @afterKey OR (coalesce(s.assured_date, '') = @afterKey AND s.id > @afterId))"),
            SearchOrder.RecentlyAdded => ("NULL", "s.row_id DESC", "s.row_id < @afterRow"),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Order, "ordered by distance elsewhere"),
        };

        var rank = request.Text is null ? "NULL" : "t.rank";
        var sql = new StringBuilder(Source(request, within, parameters, $"SELECT s.row_id, s.id, {key}, {rank}"));
        if (request.After is { } after)
        {
            sql.Append("\n  AND ").Append(keyset);
            Add(parameters, "@afterRank", after.Rank);
            Add(parameters, "@afterKey", after.Key);
            Add(parameters, "@afterRow", after.Row);
            Add(parameters, "@afterId", SqliteIds.ToText(after.Id));
        }

        // One extra row tells whether there is a next page.
        Add(parameters, "@take", request.First + 1);
        Add(parameters, "@skip", request.Skip);
        return sql.Append("\nORDER BY ").Append(orderBy).Append("\nLIMIT @take OFFSET @skip").ToString();
    }

    public static string BuildCountSql(ServiceSearchRequest request, IEnumerable<long>? within, List<SqliteParameter> parameters) =>
        Source(request, within, parameters, "SELECT count(*)");

    /// <summary><paramref name="select"/> over every matching service <c>s</c> (with its text match <c>t</c>).</summary>
    private static string Source(ServiceSearchRequest request, IEnumerable<long>? within, List<SqliteParameter> parameters, string select)
    {
        var sql = new StringBuilder();
        if (request.Text is { } text)
        {
            Add(parameters, "@text", SqliteTextQuery.Words(text));
            sql.Append($"""
                WITH t AS (
                    SELECT rowid AS row_id, bm25(service_fts, {SqliteSearchIndex.Bm25Weights}) AS rank
                    FROM service_fts WHERE service_fts MATCH @text)

                """);
            sql.Append(select).Append("\nFROM t JOIN services s ON s.row_id = t.row_id");
        }
        else
        {
            sql.Append(select).Append("\nFROM services s");
        }

        sql.Append("\nWHERE ").Append(SqliteSearchFilters.Where(request, parameters));
        if (within is not null)
        {
            sql.Append("\n  AND s.row_id IN (SELECT value FROM json_each(@within))");
            Add(parameters, "@within", RowIds.Json(within));
        }

        return sql.ToString();
    }

    private static void Add(List<SqliteParameter> parameters, string name, object? value) =>
        parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
}
