using System.Data;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Signpost.Data;

namespace Signpost.Search.SqlServer;

/// <summary>
/// Service search on SQL Server's indexes, with the same request, cursors and ordering rules as
/// <see cref="Sqlite.SqliteServiceSearch"/>. Nearest first: see <see cref="SqlServerNearSearch"/>
/// (the spatial index, read in widening circles). Every other order is one statement over the
/// matches (the full-text index for text, ranked by weighted column ranks; with a point, the services
/// within reach), keyset-paged with OFFSET/FETCH, and counted by a second statement only when the
/// count is asked for.
/// </summary>
public sealed class SqlServerServiceSearch(DirectoryDbContext db) : IServiceSearch
{
    public Task<ServiceSearchPage> SearchAsync(ServiceSearchRequest request, CancellationToken cancellationToken) =>
        request.Text is { MatchesNothing: true }
            ? Task.FromResult(new ServiceSearchPage([], false))
            : WithConnectionAsync(session => request switch
            {
                { Order: SearchOrder.Distance } => SqlServerNearSearch.PageAsync(session, request, cancellationToken),
                { Near: not null } => PageWithinReachAsync(session, request, cancellationToken),
                _ => PageAsync(session, request, within: null, cancellationToken),
            }, cancellationToken);

    public Task<int> CountAsync(ServiceSearchRequest request, CancellationToken cancellationToken) =>
        request.Text is { MatchesNothing: true }
            ? Task.FromResult(0)
            : WithConnectionAsync(async session =>
            {
                if (request.Near is not null)
                {
                    return await SqlServerNearSearch.CountAsync(session, request, cancellationToken);
                }

                var parameters = new List<SqlParameter>();
                await using var command = session.Command(BuildCountSql(request, null, parameters), parameters);
                return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }, cancellationToken);

    private async Task<T> WithConnectionAsync<T>(Func<SqlServerSession, Task<T>> search, CancellationToken cancellationToken)
    {
        var connection = (SqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = (SqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            return await search(new SqlServerSession(connection, transaction));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A point with another order: every service within reach, in that order; distances for the page only.</summary>
    private static async Task<ServiceSearchPage> PageWithinReachAsync(SqlServerSession session, ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        var reach = await SqlServerNearSearch.WithinReachAsync(session, request.Near!.Value, request.RadiusKm, cancellationToken);
        var page = await PageAsync(session, request, reach, cancellationToken);
        return await SqlServerNearSearch.WithDistancesAsync(session, request.Near.Value, reach, page, cancellationToken);
    }

    private static async Task<ServiceSearchPage> PageAsync(SqlServerSession session, ServiceSearchRequest request, IReadOnlyDictionary<long, double?>? within, CancellationToken cancellationToken)
    {
        var parameters = new List<SqlParameter>();
        await using var command = session.Command(BuildPageSql(request, within?.Keys, parameters), parameters);

        var hits = new List<ServiceSearchHit>(request.First + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var id = reader.GetGuid(1);
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
    /// The key of the last-verified order: the date as <c>yyyy-mm-dd</c> (style 23), empty when never
    /// verified, exactly the cursor's key; descending, the never-verified come last.
    /// </summary>
    private const string VerifiedKey = "ISNULL(CONVERT(nvarchar(10), s.assured_date, 23), N'')";

    /// <summary>
    /// The page's SQL in any order but distance: the matches after the cursor, <c>@skip</c> passed
    /// over, then <c>@take</c> (one more than the page, which tells whether there is a next page).
    /// Ties are broken by id in SQL Server's own order of <c>uniqueidentifier</c>, the same in the
    /// ORDER BY and the keyset.
    /// </summary>
    public static string BuildPageSql(ServiceSearchRequest request, IEnumerable<long>? within, List<SqlParameter> parameters)
    {
        var (key, orderBy, keyset) = request.Order switch
        {
            SearchOrder.Relevance => (
                "CAST(NULL AS nvarchar(200))",
                "t.text_rank, s.id",
                "(t.text_rank > @afterRank OR (t.text_rank = @afterRank AND s.id > @afterId))"),
            SearchOrder.Name => (
                "s.name",
                "s.name, s.id",
                "(s.name > @afterKey OR (s.name = @afterKey AND s.id > @afterId))"),
            SearchOrder.LastVerified => (
                VerifiedKey,
                $"{VerifiedKey} DESC, s.id",
                $"({VerifiedKey} < @afterKey OR ({VerifiedKey} = @afterKey AND s.id > @afterId))"),
            SearchOrder.RecentlyAdded => ("CAST(NULL AS nvarchar(200))", "s.row_id DESC", "s.row_id < @afterRow"),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Order, "ordered by distance elsewhere"),
        };

        var ranked = request.Order == SearchOrder.Relevance && request.Text is not null;
        var rank = ranked ? "t.text_rank" : "CAST(NULL AS float)";
        var sql = new StringBuilder(Source(request, within, parameters, $"SELECT s.row_id, s.id, {key} AS sort_key, {rank} AS text_rank", ranked));
        if (request.After is { } after)
        {
            sql.Append("\n  AND ").Append(keyset);
            switch (request.Order)
            {
                case SearchOrder.Relevance:
                    SqlServerParameters.Add(parameters, "@afterRank", SqlDbType.Float, after.Rank);
                    SqlServerParameters.Add(parameters, "@afterId", SqlDbType.UniqueIdentifier, after.Id);
                    break;
                case SearchOrder.Name or SearchOrder.LastVerified:
                    SqlServerParameters.Add(parameters, "@afterKey", SqlDbType.NVarChar, after.Key, 1024);
                    SqlServerParameters.Add(parameters, "@afterId", SqlDbType.UniqueIdentifier, after.Id);
                    break;
                default:
                    SqlServerParameters.Add(parameters, "@afterRow", SqlDbType.BigInt, after.Row);
                    break;
            }
        }

        SqlServerParameters.Add(parameters, "@skip", SqlDbType.Int, request.Skip);
        SqlServerParameters.Add(parameters, "@take", SqlDbType.Int, request.First + 1);
        return sql.Append("\nORDER BY ").Append(orderBy).Append("\nOFFSET @skip ROWS FETCH NEXT @take ROWS ONLY;").ToString();
    }

    public static string BuildCountSql(ServiceSearchRequest request, IEnumerable<long>? within, List<SqlParameter> parameters) =>
        Source(request, within, parameters, "SELECT COUNT(*)", ranked: false) + ";";

    /// <summary>
    /// <paramref name="select"/> over every matching service <c>s</c>; when <paramref name="ranked"/>,
    /// joined to its text match <c>t</c> with its rank, otherwise text is a condition.
    /// </summary>
    private static string Source(ServiceSearchRequest request, IEnumerable<long>? within, List<SqlParameter> parameters, string select, bool ranked)
    {
        var sql = new StringBuilder();
        if (ranked)
        {
            sql.Append("WITH t AS (\n    ").Append(SqlServerTextQuery.RankedMatches(request.Text!, parameters)).Append(")\n");
            sql.Append(select).Append("\nFROM t JOIN services s ON s.row_id = t.row_id");
        }
        else
        {
            sql.Append(select).Append("\nFROM services s");
        }

        sql.Append("\nWHERE ").Append(SqlServerSearchFilters.Where(request, parameters));
        if (!ranked && request.Text is { } text)
        {
            sql.Append("\n  AND ").Append(SqlServerTextQuery.Matches(text, "s.row_id", parameters));
        }

        if (within is not null)
        {
            sql.Append("\n  AND s.row_id IN (").Append(SqlServerParameters.RowIdsIn("@within")).Append(')');
            SqlServerParameters.AddRowIds(parameters, "@within", within);
        }

        return sql.ToString();
    }
}

/// <summary>The open connection and EF's transaction, if any: SqlClient needs a command to name it.</summary>
internal sealed record SqlServerSession(SqlConnection Connection, SqlTransaction? Transaction)
{
    public SqlCommand Command(string sql, List<SqlParameter> parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        command.Parameters.AddRange(parameters.ToArray());
        return command;
    }
}
