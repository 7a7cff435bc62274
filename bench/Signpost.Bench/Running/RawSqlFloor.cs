using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Signpost.Data;
using Signpost.Geo;
using Signpost.Search.Sqlite;

namespace Signpost.Bench.Running;

/// <summary>
/// The index query of query 1 alone over the whole radius (every R*Tree row in the box read), in-process on one
/// open connection: the floor under any endpoint.
/// </summary>
internal static class RawSqlFloor
{
    public static async Task<Latency> MeasureAsync(string databasePath, IReadOnlyList<GeoPoint> points, double radiusKm, int iterations)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        SqliteConnectionSetup.Prepare(connection);

        var millis = new List<double>(iterations);
        var wall = Stopwatch.StartNew();
        for (var i = -iterations / 10; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using var command = SqliteNearSearch.LocationsCommand(connection, points[(i + iterations) % points.Count], radiusKm);
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
