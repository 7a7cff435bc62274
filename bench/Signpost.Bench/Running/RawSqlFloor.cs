using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Signpost.Data;
using Signpost.Geo;
using Signpost.Search;

namespace Signpost.Bench.Running;

/// <summary>The index query of query 1 alone, in-process on one open connection: the floor under any endpoint.</summary>
internal static class RawSqlFloor
{
    public static async Task<Latency> MeasureAsync(string databasePath, IReadOnlyList<GeoPoint> points, double radiusKm, int first, int iterations)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        SqliteConnectionSetup.Prepare(connection);

        var millis = new List<double>(iterations);
        var wall = Stopwatch.StartNew();
        for (var i = -iterations / 10; i < iterations; i++)
        {
            var parameters = new List<SqliteParameter>();
            var sql = SqliteServiceSearch.BuildSql(new ServiceSearchRequest { Near = points[(i + iterations) % points.Count], RadiusKm = radiusKm, First = first }, parameters);
            var start = Stopwatch.GetTimestamp();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddRange(parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }

            if (i == -1)
            {
                wall.Restart(); // warm-up done
            }
            else if (i >= 0)
            {
                millis.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        return Latency.From(millis, 0, wall.Elapsed);
    }
}
