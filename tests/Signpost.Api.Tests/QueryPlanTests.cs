using Microsoft.Data.Sqlite;
using Signpost.Geo;
using Signpost.OpeningHours;
using Signpost.Search;
using Signpost.Search.Sqlite;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Search must run on indexes: SQLite's query plans prove it.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class QueryPlanTests(DirectoryApiFactory api)
{
    private static readonly GeoPoint Sidmouth = new(50.68, -3.239);

    [SqliteFact]
    public async Task NearMeCandidatesComeFromTheRTreesAlone()
    {
        var box = Box();
        var locations = await PlanAsync(SqliteNearSearch.LocationsWithinSql(new ServiceSearchRequest { Near = Sidmouth }, box, BoundingBox.Around(Sidmouth, 5)), box);
        var areas = await PlanAsync(SqliteNearSearch.AreasAtPointSql, [new("@pointLat", 1), new("@pointLon", 1)]);

        // "2:B0D1B2D3": the R*Tree is searched with all four bounding-box constraints.
        Assert.Contains(locations, line => line.Contains("SCAN r VIRTUAL TABLE INDEX 2:") && line.Contains("D3"));
        Assert.DoesNotContain(locations, line => line.Contains("services") || line.Contains(" s "));
        Assert.Contains(areas, line => line.Contains("SCAN ar VIRTUAL TABLE INDEX 2:"));
        Assert.Contains(areas, line => line.Contains("SEARCH g USING INTEGER PRIMARY KEY"));
        Assert.DoesNotContain(locations.Concat(areas), line => line.StartsWith("SCAN") && !line.Contains("VIRTUAL TABLE INDEX"));
    }

    [SqliteFact]
    public async Task TextNearAPointReadsTheBoxOnceRatherThanOncePerMatchingService()
    {
        var parameters = Box();
        var plan = await PlanAsync(SqliteNearSearch.LocationsWithinSql(new ServiceSearchRequest { Near = Sidmouth, Text = FtsQuery.From("bereavement") }, parameters, BoundingBox.Around(Sidmouth, 5)), parameters);

        // The R*Tree gets the four box constraints only: "A4" would be "service = ?", once per match.
        Assert.Contains(plan, line => line.Contains("SCAN r VIRTUAL TABLE INDEX 2:B0D1B2D3") && !line.Contains("A4"));
    }

    [SqliteFact]
    public async Task NameOrderWalksAnIndexInsteadOfSortingEveryService()
    {
        var parameters = new List<SqliteParameter>();
        var plan = await PlanAsync(SqliteServiceSearch.BuildPageSql(new ServiceSearchRequest { OrderBy = SearchOrder.Name, Skip = 1000 }, null, parameters), parameters);

        Assert.True(plan.Any(line => line.Contains("ix_services_name_nocase")) && !plan.Any(line => line.Contains("TEMP B-TREE")), string.Join('\n', plan));
    }

    [SqliteFact]
    public async Task CountingListedServicesReadsTheStatusIndexOnly()
    {
        var parameters = new List<SqliteParameter>();
        var plan = await PlanAsync(SqliteServiceSearch.BuildCountSql(new ServiceSearchRequest(), null, parameters), parameters);

        Assert.Contains(plan, line => line.Contains("COVERING INDEX IX_services_status"));
    }

    [SqliteFact]
    public async Task TextSearchUsesTheFullTextIndex()
    {
        var parameters = new List<SqliteParameter>();
        var plan = await PlanAsync(SqliteServiceSearch.BuildPageSql(new ServiceSearchRequest { Text = FtsQuery.From("dementia carers") }, null, parameters), parameters);

        Assert.Contains(plan, line => line.Contains("service_fts VIRTUAL TABLE INDEX") && line.Contains("M"));
        Assert.DoesNotContain(plan, line => line.Contains("SCAN s ") || line.EndsWith("SCAN s"));
    }

    [SqliteFact]
    public async Task OpenNowCategoryAndAgeAreTestedOnTheSearchFacetsWithoutReadingTheService()
    {
        var parameters = Box();
        var plan = await PlanAsync(SqliteNearSearch.LocationsWithinSql(new ServiceSearchRequest
        {
            Near = Sidmouth,
            RadiusKm = 10,
            CategoryIds = [Guid.NewGuid()],
            Age = 40,
            OpenAt = OpenAtMoment.From(new DateTime(2026, 11, 24, 10, 30, 0), new BankHolidays([])),
        }, parameters, BoundingBox.Around(Sidmouth, 10)), parameters);

        Assert.True(plan.Any(line => line.Contains("SEARCH f USING INTEGER PRIMARY KEY")), string.Join('\n', plan));
        Assert.DoesNotContain(plan, line => line.Contains("SEARCH s USING"));
    }

    [SqliteFact]
    public async Task OtherFiltersAreLookedUpByIndexPerCandidate()
    {
        var holidays = new BankHolidays([]);
        var parameters = Box();
        var plan = await PlanAsync(SqliteNearSearch.LocationsWithinSql(new ServiceSearchRequest
        {
            Near = Sidmouth,
            RadiusKm = 10,
            CategoryIds = [Guid.NewGuid()],
            Free = true,
            Age = 40,
            Language = "en",
            OpenAt = OpenAtMoment.From(new DateTime(2026, 11, 24, 10, 30, 0), holidays),
        }, parameters, BoundingBox.Around(Sidmouth, 10)), parameters);

        Assert.True(plan.Any(line => line.Contains("SEARCH f USING INTEGER PRIMARY KEY")), string.Join('\n', plan));
        Assert.True(plan.Any(line => line.Contains("SEARCH s USING INTEGER PRIMARY KEY")), string.Join('\n', plan));

        foreach (var table in new[] { "a", "lg", "sc", "c" })
        {
            Assert.Contains(plan, line => line.Contains($"SEARCH {table} USING") && line.Contains("INDEX"));
        }
    }

    private static List<SqliteParameter> Box() =>
        new[] { "@minLat", "@maxLat", "@minLon", "@maxLon" }.Select(name => new SqliteParameter(name, 1)).ToList();

    private async Task<List<string>> PlanAsync(string sql, List<SqliteParameter> parameters)
    {
        _ = api.Server; // the API has migrated and seeded the database
        await using var connection = new SqliteConnection($"Data Source={api.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        Signpost.Data.SqliteConnectionSetup.Prepare(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddRange(parameters.ToArray());
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
