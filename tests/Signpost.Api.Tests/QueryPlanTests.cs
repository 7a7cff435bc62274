using Microsoft.Data.Sqlite;
using Signpost.Geo;
using Signpost.OpeningHours;
using Signpost.Search;
using Signpost.Tests.Infrastructure;

namespace Signpost.Tests;

/// <summary>Search must run on indexes: SQLite's query plans prove it.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class QueryPlanTests(DirectoryApiFactory api)
{
    private static readonly GeoPoint Sidmouth = new(50.68, -3.239);

    [Fact]
    public async Task NearMeSearchReadsOnlyTheRTreesAndPrimaryKeys()
    {
        var plan = await PlanAsync(new ServiceSearchRequest { Near = Sidmouth, RadiusKm = 5 });

        // "2:B0D1B2D3": the R*Tree is searched with all four bounding-box constraints.
        Assert.Contains(plan, line => line.Contains("SCAN r VIRTUAL TABLE INDEX 2:") && line.Contains("D3"));
        Assert.Contains(plan, line => line.Contains("SCAN ar VIRTUAL TABLE INDEX 2:"));
        Assert.Contains(plan, line => line.Contains("SEARCH s USING INTEGER PRIMARY KEY"));
        Assert.Contains(plan, line => line.Contains("SEARCH sa USING INTEGER PRIMARY KEY"));
        Assert.DoesNotContain(plan, line => line is "SCAN s" or "SCAN l" or "SCAN sal" or "SCAN sa");
    }

    [Fact]
    public async Task TextSearchUsesTheFullTextIndex()
    {
        var plan = await PlanAsync(new ServiceSearchRequest { Text = FtsQuery.From("dementia carers") });

        Assert.Contains(plan, line => line.Contains("service_fts VIRTUAL TABLE INDEX") && line.Contains("M"));
        Assert.DoesNotContain(plan, line => line.Contains("SCAN s ") || line.EndsWith("SCAN s"));
    }

    [Fact]
    public async Task FiltersAreLookedUpByIndexPerCandidate()
    {
        var holidays = new BankHolidays([]);
        var plan = await PlanAsync(new ServiceSearchRequest
        {
            Near = Sidmouth,
            RadiusKm = 10,
            Text = FtsQuery.From("support"),
            CategoryIds = [Guid.NewGuid()],
            Free = true,
            Age = 40,
            Language = "en",
            OpenAt = OpenAtMoment.From(new DateTime(2026, 11, 24, 10, 30, 0), holidays),
        });

        foreach (var table in new[] { "a", "c", "lg", "sc" })
        {
            Assert.Contains(plan, line => line.Contains($"SEARCH {table} USING") && line.Contains("INDEX"));
        }
    }

    private async Task<List<string>> PlanAsync(ServiceSearchRequest request)
    {
        _ = api.Server; // the API has migrated and seeded the database
        var parameters = new List<SqliteParameter>();
        var sql = SqliteServiceSearch.BuildSql(request, parameters);

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
