using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Signpost.Data;
using Signpost.Geo;
using Signpost.Search;

namespace Signpost.Bench.Running;

/// <summary>
/// The index query of query 1 alone (the R*Tree candidates, every row read), in-process on one
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
            var point = points[(i + iterations) % points.Count];
            var box = BoundingBox.Around(point, radiusKm);
            const double Scale = SqliteSearchIndex.CoordinateScale;
            var start = Stopwatch.GetTimestamp();
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteNearSearch.CandidatesSql;
            command.Parameters.AddWithValue("@pointLat", (long)Math.Round(point.Latitude * Scale));
            command.Parameters.AddWithValue("@pointLon", (long)Math.Round(point.Longitude * Scale));
            command.Parameters.AddWithValue("@minLat", (long)Math.Floor(box.MinLatitude * Scale));
            command.Parameters.AddWithValue("@maxLat", (long)Math.Ceiling(box.MaxLatitude * Scale));
            command.Parameters.AddWithValue("@minLon", (long)Math.Floor(box.MinLongitude * Scale));
            command.Parameters.AddWithValue("@maxLon", (long)Math.Ceiling(box.MaxLongitude * Scale));
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
