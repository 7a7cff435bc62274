using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Signpost.Geo;

/// <summary>
/// SQL functions SQLite lacks, registered on each connection. The search query calls
/// <c>geo_covers(extent, latitude, longitude)</c> only for service areas whose R*Tree envelope
/// already contains the point, so the polygon test runs for a handful of rows per search.
/// </summary>
internal static class GeoSqlFunctions
{
    private const int MaxCachedAreas = 4096;
    private static readonly ConcurrentDictionary<string, AreaGeometry?> ParsedAreas = new(StringComparer.Ordinal);

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, double, double, bool>("geo_covers", Covers, isDeterministic: true);

    private static bool Covers(string? extent, double latitude, double longitude)
    {
        if (extent is null)
        {
            return false;
        }

        if (!ParsedAreas.TryGetValue(extent, out var area))
        {
            AreaGeometry.TryParse(extent, out area, out _);
            if (ParsedAreas.Count >= MaxCachedAreas)
            {
                ParsedAreas.Clear(); // crude but bounded; areas are few and cheap to re-parse
            }

            ParsedAreas[extent] = area;
        }

        return area?.Covers(new GeoPoint(latitude, longitude)) ?? false;
    }
}
