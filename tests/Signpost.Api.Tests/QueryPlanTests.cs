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
    public async Task NearMeCandidatesComeFromTheRTreesAlone()
    {
        var parameters = new[] { "@pointLat", "@pointLon", "@minLat", "@maxLat", "@minLon", "@maxLon" }
            .Select(name => new SqliteParameter(name, 0.5)).ToList();
        var plan = await PlanAsync(SqliteNearSearch.CandidatesSql, parameters);

        // "2:B0D1B2D3": the R*Tree is searched with all four bounding-box constraints.
        Assert.Contains(plan, line => line.Contains("SCAN r VIRTUAL TABLE INDEX 2:") && line.Contains("D3"));
        Assert.Contains(plan, line => line.Contains("SCAN ar VIRTUAL TABLE INDEX 2:"));
        Assert.Contains(plan, line => line.Contains("SEARCH g USING INTEGER PRIMARY KEY"));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN") && !line.Contains("VIRTUAL TABLE INDEX"));
    }

    [Fact]
    public async Task TextSearchUsesTheFullTextIndex()
    {
        var parameters = new List<SqliteParameter>();
        var plan = await PlanAsync(SqliteServiceSearch.BuildSql(new ServiceSearchRequest { Text = FtsQuery.From("dementia carers") }, parameters), parameters);

        Assert.Contains(plan, line => line.Contains("service_fts VIRTUAL TABLE INDEX") && line.Contains("M"));
        Assert.DoesNotContain(plan, line => line.Contains("SCAN s ") || line.EndsWith("SCAN s"));
    }

    [Fact]
    public async Task FiltersAreLookedUpByIndexPerCandidate()
    {
        var holidays = new BankHolidays([]);
        var parameters = new List<SqliteParameter> { new("@candidates", "[1, 2, 3]") };
        var plan = await PlanAsync(SqliteNearSearch.FilterSql(new ServiceSearchRequest
        {
            Near = Sidmouth,
            RadiusKm = 10,
            CategoryIds = [Guid.NewGuid()],
            Free = true,
            Age = 40,
            Language = "en",
            OpenAt = OpenAtMoment.From(new DateTime(2026, 11, 24, 10, 30, 0), holidays),
        }, parameters), parameters);

        Assert.Contains(plan, line => line.Contains("SEARCH s USING INTEGER PRIMARY KEY"));

        foreach (var table in new[] { "a", "lg", "sc" })
        {
            Assert.Contains(plan, line => line.Contains($"SEARCH {table} USING") && line.Contains("INDEX"));
        }
    }

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
