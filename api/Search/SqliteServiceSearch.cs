using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Signpost.Data;

namespace Signpost.Search;

/// <summary>
/// Service search on SQLite's indexes. Near a point: see <see cref="SqliteNearSearch"/> (R*Trees
/// for the candidates). Otherwise: FTS5 with bm25 ranking for text, or every listed service by
/// name; one SQL command returns the page and the total.
/// </summary>
public sealed class SqliteServiceSearch(DirectoryDbContext db) : IServiceSearch
{
    public async Task<ServiceSearchPage> SearchAsync(ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        if (request.Text is { MatchesNothing: true })
        {
            return new ServiceSearchPage([], 0, false);
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (request.Near is not null)
            {
                return await SqliteNearSearch.SearchAsync(connection, request, cancellationToken);
            }

            var parameters = new List<SqliteParameter>();
            var sql = BuildSql(request, parameters);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddRange(parameters.ToArray());
            var page = await ReadPageAsync(command, request.First, cancellationToken);
            if (page.Hits.Count == 0 && (request.After is not null || request.Skip > 0))
            {
                // Past the last page the window total has no row to ride on: count on its own.
                var countParameters = new List<SqliteParameter>();
                await using var count = connection.CreateCommand();
                count.CommandText = BuildMatchesSql(request, countParameters) + "SELECT count(*) FROM matches";
                count.Parameters.AddRange(countParameters.ToArray());
                page = page with { TotalCount = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) };
            }

            return page;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The SQL for a request without a point, exposed so tests can check its query plan.</summary>
    public static string BuildSql(ServiceSearchRequest request, List<SqliteParameter> parameters)
    {
        var sql = new StringBuilder(BuildMatchesSql(request, parameters));
        sql.Append("""
            SELECT row_id, id, name, NULL AS sort_distance, NULL AS distance_km, rank, total FROM (
            SELECT row_id, id, name, rank, total
            FROM (SELECT m.*, count(*) OVER () AS total FROM matches m)

            """);

        var hasText = request.Text is not null;
        var (orderBy, keyset) = request.Order switch
        {
            SearchOrder.Relevance => ("rank, id", "(rank, id) > (@afterRank, @afterId)"),
            _ => ("name COLLATE NOCASE, id", "(name COLLATE NOCASE, id) > (@afterName, @afterId)"),
        };

        if (request.After is { } after)
        {
            sql.Append("WHERE ").Append(keyset).Append('\n');
            Add(parameters, "@afterRank", after.Rank);
            Add(parameters, "@afterName", after.Name);
            Add(parameters, "@afterId", SqliteIds.ToText(after.Id));
        }

        // One extra row tells whether there is a next page.
        Add(parameters, "@take", request.First + 1);
        Add(parameters, "@skip", request.Skip);
        sql.Append("ORDER BY ").Append(orderBy).Append("\nLIMIT @take OFFSET @skip)\nORDER BY ").Append(orderBy);
        return sql.ToString();
    }

    /// <summary>The common table expressions ending in <c>matches</c>: every service the request matches.</summary>
    private static string BuildMatchesSql(ServiceSearchRequest request, List<SqliteParameter> parameters)
    {
        var sql = new StringBuilder("WITH ");
        var hasText = request.Text is not null;
        if (hasText)
        {
            Add(parameters, "@text", request.Text!.MatchExpression);
            sql.Append($"""
                text_matches AS (
                    SELECT rowid AS row_id, bm25(service_fts, {SqliteSearchIndex.Bm25Weights}) AS rank
                    FROM service_fts WHERE service_fts MATCH @text),

                """);
        }

        var source = hasText ? "text_matches t JOIN services s ON s.row_id = t.row_id" : "services s";


        var rank = hasText ? "t.rank" : "NULL";
        sql.Append($"""
            matches AS (
                SELECT s.row_id AS row_id, s.id AS id, s.name AS name, {rank} AS rank
                FROM {source}
                WHERE {Filters(request, parameters)})

            """);
        return sql.ToString();
    }

    /// <summary>The WHERE conditions on services <c>s</c> for every filter but the point and text.</summary>
    internal static string Filters(ServiceSearchRequest request, List<SqliteParameter> parameters)
    {
        var filters = new List<string>();
        if (request.OpenAt is { } openAt)
        {
            // Only running services can be open; the schedule must recur on this day at this time.
            filters.Add($"s.status = '{ServiceStatusNames.Active}'");
            filters.Add("""
                EXISTS (SELECT 1 FROM schedules sc
                    WHERE sc.service_id = s.id
                      AND sc.opens_at <= @openTime AND sc.closes_at > @openTime
                      AND (sc.valid_from IS NULL OR sc.valid_from <= @openDate)
                      AND (sc.valid_to IS NULL OR sc.valid_to >= @openDate)
                      AND (sc.dtstart IS NULL OR sc.dtstart <= @openDate)
                      AND (sc.until IS NULL OR sc.until >= @openDate)
                      AND (sc.freq = 'DAILY'
                        OR (@bankHoliday = 0 AND sc.freq = 'WEEKLY'
                            AND instr(',' || sc.byday || ',', @dayToken) > 0
                            AND (coalesce(sc.interval, 1) = 1
                              OR (sc.dtstart IS NOT NULL
                                  AND (CAST(julianday(@weekMonday) - julianday(date(sc.dtstart, '-6 days', 'weekday 1')) AS INTEGER) / 7) % sc.interval = 0)))
                        OR (@bankHoliday = 0 AND sc.freq = 'MONTHLY'
                            AND (instr(',' || sc.byday || ',', @nthToken) > 0
                              OR (@lastToken IS NOT NULL AND instr(',' || sc.byday || ',', @lastToken) > 0)))))
                """);
            Add(parameters, "@openTime", openAt.Time);
            Add(parameters, "@openDate", openAt.Date);
            Add(parameters, "@weekMonday", openAt.WeekMonday);
            Add(parameters, "@bankHoliday", openAt.IsBankHoliday ? 1 : 0);
            Add(parameters, "@dayToken", $",{openAt.DayCode},");
            Add(parameters, "@nthToken", $",{openAt.NthDayCode},");
            Add(parameters, "@lastToken", openAt.LastDayCode is null ? null : $",{openAt.LastDayCode},");
        }
        else
        {
            // Public results show running services, including those closed for a while, never inactive or defunct ones.
            filters.Add($"s.status IN ('{ServiceStatusNames.Active}', '{ServiceStatusNames.TemporarilyClosed}')");
        }

        if (request.CategoryIds.Count > 0)
        {
            filters.Add("EXISTS (SELECT 1 FROM attributes a WHERE a.link_id = s.id AND a.taxonomy_term_id IN (SELECT value FROM json_each(@categories)))");
            Add(parameters, "@categories", JsonSerializer.Serialize(request.CategoryIds.Select(SqliteIds.ToText)));
        }

        if (request.Free is { } free)
        {
            filters.Add((free ? "NOT " : "") + "EXISTS (SELECT 1 FROM cost_options c WHERE c.service_id = s.id AND c.amount > 0)");
        }

        if (request.Age is { } age)
        {
            filters.Add("(s.minimum_age IS NULL OR s.minimum_age <= @age) AND (s.maximum_age IS NULL OR s.maximum_age >= @age)");
            Add(parameters, "@age", age);
        }

        if (request.Language is { } language)
        {
            filters.Add("EXISTS (SELECT 1 FROM languages lg WHERE lg.service_id = s.id AND (lg.code = @language COLLATE NOCASE OR lg.name = @language COLLATE NOCASE))");
            Add(parameters, "@language", language);
        }

        if (request.AgesFrom is { } agesFrom)
        {
            filters.Add("(s.maximum_age IS NULL OR s.maximum_age >= @agesFrom)");
            Add(parameters, "@agesFrom", agesFrom);
        }

        if (request.AgesTo is { } agesTo)
        {
            filters.Add("(s.minimum_age IS NULL OR s.minimum_age <= @agesTo)");
            Add(parameters, "@agesTo", agesTo);
        }

        if (request.OrganizationId is { } organizationId)
        {
            filters.Add("s.organization_id = @organizationId");
            Add(parameters, "@organizationId", SqliteIds.ToText(organizationId));
        }

        if (request.TaxonomyId is { } taxonomyId)
        {
            filters.Add("EXISTS (SELECT 1 FROM attributes a JOIN taxonomy_terms tt ON tt.id = a.taxonomy_term_id WHERE a.link_id = s.id AND tt.taxonomy_id = @taxonomyId)");
            Add(parameters, "@taxonomyId", SqliteIds.ToText(taxonomyId));
        }

        if (request.ModifiedAfter is { } modifiedAfter)
        {
            // julianday reads the stored offset, so moments compare correctly whatever zone they were written in.
            filters.Add("julianday(s.last_modified) >= julianday(@modifiedAfter)");
            Add(parameters, "@modifiedAfter", modifiedAfter.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture));
        }

        if (request.AvailableDuring is { } window)
        {
            // "2TU" (monthly) and "TU" (weekly) both end in the day's code before the comma.
            filters.Add("""
                EXISTS (SELECT 1 FROM schedules sw
                    WHERE sw.service_id = s.id
                      AND (@windowDay IS NULL OR sw.freq = 'DAILY' OR instr(',' || sw.byday || ',', @windowDay || ',') > 0)
                      AND (@windowStart IS NULL OR sw.closes_at > @windowStart)
                      AND (@windowEnd IS NULL OR sw.opens_at < @windowEnd))
                """);
            Add(parameters, "@windowDay", window.DayCode);
            Add(parameters, "@windowStart", window.StartTime);
            Add(parameters, "@windowEnd", window.EndTime);
        }

        return string.Join("\n      AND ", filters);
    }

    private static async Task<ServiceSearchPage> ReadPageAsync(DbCommand command, int first, CancellationToken cancellationToken)
    {
        var hits = new List<ServiceSearchHit>(first + 1);
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new ServiceSearchHit(
                reader.GetInt64(0),
                Guid.Parse(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5)));
            total = reader.GetInt32(6);
        }

        var hasNext = hits.Count > first;
        if (hasNext)
        {
            hits.RemoveAt(hits.Count - 1);
        }

        return new ServiceSearchPage(hits, total, hasNext);
    }

    private static void Add(List<SqliteParameter> parameters, string name, object? value) =>
        parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
}
