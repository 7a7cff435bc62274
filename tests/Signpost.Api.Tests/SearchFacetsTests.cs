using System.Globalization;
using Microsoft.Data.Sqlite;
using Signpost.Data;
using Signpost.Geo;
using Signpost.OpeningHours;
using Signpost.Search;
using Signpost.Search.Sqlite;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>
/// The search facets (<see cref="SqliteSearchFacets"/>) answer open now, categories and age for
/// near-me candidates: they must stay in step with every write and give exactly the answers the
/// schedules, categories and ages give, including for schedules the half-hour bits cannot hold.
/// </summary>
public sealed class SearchFacetsTests(ConfiguredDirectoryFactory api) : IClassFixture<ConfiguredDirectoryFactory>
{
    /// <summary>Schedules of every awkward kind, each given to a different located service.</summary>
    private static readonly (string? Freq, string? ByDay, string? Opens, string? Closes, int? Interval, string? DtStart, string? ValidFrom)[] AwkwardSchedules =
    [
        ("WEEKLY", "MO,WE", "09:00", "12:30", null, null, null),
        ("WEEKLY", "TU", "09:00:30", "17:00:30", null, null, null),
        ("WEEKLY", "TH", "9:00", "17:00", null, null, null),
        ("WEEKLY", "FR", "22:00", "02:00", null, null, null),
        ("WEEKLY", "SA,SU", "10:15", "11:45", null, null, null),
        ("WEEKLY", "2TU", "10:00", "12:00", null, null, null),
        ("WEEKLY", "mo", "10:00", "12:00", null, null, null),
        ("DAILY", null, "00:00", "23:59", null, null, null),
        ("MONTHLY", "-1FR,1MO", "10:00", "15:00", null, null, null),
        ("WEEKLY", "WE", "13:00", "15:00", 2, "2026-11-04", null),
        ("WEEKLY", "TH", "08:30", "10:00", null, null, "2026-11-26"),
        (null, "MO", "09:00", "10:00", null, null, null),
        ("WEEKLY", "MO", "09:00", null, null, null, null),
        ("DAILY", null, "07:30", "08:00", 1, null, null),
    ];

    [SqliteFact]
    public async Task FacetsStayInStepWithTheirServicesThroughEveryKindOfWrite()
    {
        await using var connection = await OpenAsync();
        await AssertInStepAsync(connection, "after the seed");

        var (a, b, c) = (await LocatedServiceIdsAsync(connection, 3)) switch { var ids => (ids[0], ids[1], ids[2]) };
        var steps = new (string What, string Sql)[]
        {
            ("a schedule added", $"INSERT INTO schedules (id, service_id, freq, byday, opens_at, closes_at) VALUES ('{NewId()}', '{a}', 'WEEKLY', 'MO,WE', '09:00', '12:30')"),
            ("a monthly schedule added", $"INSERT INTO schedules (id, service_id, freq, byday, opens_at, closes_at) VALUES ('{NewId()}', '{b}', 'MONTHLY', '-1FR', '10:15', '11:45')"),
            ("a schedule's times changed", $"UPDATE schedules SET opens_at = '08:00' WHERE service_id = '{a}'"),
            ("a schedule moved to another service", $"UPDATE schedules SET service_id = '{c}' WHERE service_id = '{b}'"),
            ("a schedule removed", $"DELETE FROM schedules WHERE service_id = '{a}'"),
            ("a category created and given", $"INSERT INTO taxonomy_terms (id, code, name, description) VALUES ('{NewId()}', 'facet-test', 'Facet test', 'A category made by a test'); INSERT INTO attributes (id, link_id, link_entity, taxonomy_term_id) SELECT '{NewId()}', '{b}', 'service', id FROM taxonomy_terms WHERE code = 'facet-test'"),
            ("a category taken away", $"DELETE FROM attributes WHERE link_id = '{c}'"),
            ("an age range changed", $"UPDATE services SET minimum_age = 18, maximum_age = 64 WHERE id = '{b}'"),
            ("a service made inactive", $"UPDATE services SET status = 'inactive' WHERE id = '{b}'"),
            ("a service deleted", $"DELETE FROM services WHERE id = '{c}'"),
        };

        foreach (var (what, sql) in steps)
        {
            await ExecuteAsync(connection, sql);
            await AssertInStepAsync(connection, "after " + what);
        }

        Assert.Equal(0L, await ScalarAsync(connection, $"SELECT count(*) FROM service_facets WHERE row_id NOT IN (SELECT row_id FROM services)"));
    }

    [SqliteFact]
    public async Task OpenNowFromTheFacetsAgreesWithTheSchedulesAtEveryQuarterHourOfTwoWeeks()
    {
        await using var connection = await OpenAsync();
        var services = await LocatedServiceIdsAsync(connection, AwkwardSchedules.Length, skip: 10);
        for (var i = 0; i < AwkwardSchedules.Length; i++)
        {
            var (freq, byDay, opens, closes, interval, dtStart, validFrom) = AwkwardSchedules[i];
            await ExecuteAsync(connection, "INSERT INTO schedules (id, service_id, freq, byday, opens_at, closes_at, interval, dtstart, valid_from) VALUES (@id, @service, @freq, @byday, @opens, @closes, @interval, @dtstart, @validFrom)",
                ("@id", NewId()), ("@service", services[i]), ("@freq", freq), ("@byday", byDay), ("@opens", opens), ("@closes", closes), ("@interval", interval), ("@dtstart", dtStart), ("@validFrom", validFrom));
        }

        // Christmas Day 2026 is a Friday: weekly and monthly schedules do not run on bank holidays.
        var holidays = new BankHolidays([new(new DateOnly(2026, 12, 25), "Christmas Day")]);
        var moments = new List<DateTime>();
        for (var t = new DateTime(2026, 11, 23, 0, 0, 0); t < new DateTime(2026, 12, 7); t = t.AddMinutes(15))
        {
            moments.Add(t);
        }

        moments.AddRange(new[] { 7, 29, 31, 59 }.SelectMany(minute => new[] { 8, 9, 10, 11, 16, 17, 23 }.Select(hour => new DateTime(2026, 11, 24, hour, minute, 0))));
        moments.AddRange(Enumerable.Range(0, 96).Select(q => new DateTime(2026, 12, 25, 0, 0, 0).AddMinutes(15 * q)));

        var sawOpen = new HashSet<long>();
        foreach (var moment in moments)
        {
            var request = new ServiceSearchRequest { Near = new GeoPoint(54, -3), RadiusKm = 1500, OpenAt = OpenAtMoment.From(moment, holidays) };
            var byFacets = await RowIdsAsync(connection, request, facets: true);
            var bySchedules = await RowIdsAsync(connection, request, facets: false);
            Assert.True(bySchedules.SetEquals(byFacets),
                $"{moment:ddd yyyy-MM-dd HH:mm}: only by schedules {string.Join(",", bySchedules.Except(byFacets))}; only by facets {string.Join(",", byFacets.Except(bySchedules))}");
            sawOpen.UnionWith(byFacets);
        }

        var awkwardRows = await RowIdsOfAsync(connection, services);
        Assert.True(awkwardRows.Count(sawOpen.Contains) >= 9, "most awkward schedules were open at some moment");
    }

    [SqliteFact]
    public async Task CategoriesAndAgesFromTheFacetsAgreeWithTheServices()
    {
        await using var connection = await OpenAsync();
        var categories = new List<Guid>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT DISTINCT taxonomy_term_id FROM attributes";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                categories.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        var requests = categories.Select(c => new ServiceSearchRequest { CategoryIds = [c] })
            .Append(new ServiceSearchRequest { CategoryIds = [categories[0], categories[^1]] })
            .Append(new ServiceSearchRequest { CategoryIds = [Guid.NewGuid()] })
            .Append(new ServiceSearchRequest { CategoryIds = [Guid.NewGuid(), categories[1]] })
            .Concat(new[] { 0, 4, 17, 18, 25, 64, 65, 90 }.Select(age => new ServiceSearchRequest { Age = age }));
        foreach (var request in requests)
        {
            var near = request with { Near = new GeoPoint(54, -3), RadiusKm = 1500 };
            var byFacets = await RowIdsAsync(connection, near, facets: true);
            var byServices = await RowIdsAsync(connection, near, facets: false);
            Assert.True(byServices.SetEquals(byFacets), $"categories {string.Join(",", request.CategoryIds)} age {request.Age}: {byServices.Count} by services, {byFacets.Count} by facets");
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        _ = api.Server; // migrated and seeded
        var connection = new SqliteConnection($"Data Source={api.DatabasePath}");
        await connection.OpenAsync();
        SqliteConnectionSetup.Prepare(connection);
        return connection;
    }

    /// <summary>The located services passing the request's filters: by the near-me search's own SQL, or by the services' rows.</summary>
    private static async Task<HashSet<long>> RowIdsAsync(SqliteConnection connection, ServiceSearchRequest request, bool facets)
    {
        var parameters = new List<SqliteParameter>();
        var box = BoundingBox.Around(request.Near!.Value, request.RadiusKm);
        var sql = facets
            ? SqliteNearSearch.LocationsWithinSql(request, parameters, box)
            : $"""
                SELECT r.min_service FROM service_location_rtree r JOIN services s ON s.row_id = r.min_service
                WHERE r.min_latitude <= @maxLat AND r.max_latitude >= @minLat AND r.min_longitude <= @maxLon AND r.max_longitude >= @minLon
                  AND {SqliteSearchFilters.Where(request, parameters)}
                """;
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters.ToArray());
        command.Parameters.AddWithValue("@minLat", (long)Math.Floor(box.MinLatitude * SqliteSearchIndex.CoordinateScale));
        command.Parameters.AddWithValue("@maxLat", (long)Math.Ceiling(box.MaxLatitude * SqliteSearchIndex.CoordinateScale));
        command.Parameters.AddWithValue("@minLon", (long)Math.Floor(box.MinLongitude * SqliteSearchIndex.CoordinateScale));
        command.Parameters.AddWithValue("@maxLon", (long)Math.Ceiling(box.MaxLongitude * SqliteSearchIndex.CoordinateScale));
        var rows = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetInt64(0));
        }

        return rows;
    }

    private static async Task AssertInStepAsync(SqliteConnection connection, string when)
    {
        var stale = await ScalarAsync(connection, "SELECT count(*) FROM (SELECT * FROM service_facets EXCEPT SELECT * FROM service_facets_source)");
        var missing = await ScalarAsync(connection, "SELECT count(*) FROM (SELECT * FROM service_facets_source EXCEPT SELECT * FROM service_facets)");
        Assert.True(stale == 0 && missing == 0, $"{when}: {stale} facet rows out of date, {missing} missing");
    }

    private static async Task<List<string>> LocatedServiceIdsAsync(SqliteConnection connection, int count, int skip = 0)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT s.id FROM services s WHERE s.row_id IN (SELECT min_service FROM service_location_rtree) ORDER BY s.row_id LIMIT {count} OFFSET {skip}";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        Assert.Equal(count, ids.Count);
        return ids;
    }

    private static async Task<List<long>> RowIdsOfAsync(SqliteConnection connection, List<string> ids)
    {
        var rows = new List<long>();
        foreach (var id in ids)
        {
            rows.Add(await ScalarAsync(connection, $"SELECT row_id FROM services WHERE id = '{id}'"));
        }

        return rows;
    }

    private static string NewId() => SqliteIds.ToText(Guid.NewGuid());

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
