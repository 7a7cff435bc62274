using Microsoft.Data.Sqlite;

namespace Signpost.Geo;

/// <summary>
/// SQL functions SQLite lacks, registered on each connection:
/// <list type="bullet">
/// <item><c>geo_covers(extent_rings, latitude, longitude)</c>: the search calls it only for
/// service areas whose R*Tree envelope already holds the point.</item>
/// <item><c>geo_rings(extent)</c>: GeoJSON to the <see cref="PolygonRings"/> form, for migrations
/// that fill the column from existing rows.</item>
/// </list>
/// </summary>
internal static class GeoSqlFunctions
{
    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<byte[]?, double, double, bool>("geo_covers",
            (rings, latitude, longitude) => rings is not null && PolygonRings.Covers(rings, latitude, longitude), isDeterministic: true);
        connection.CreateFunction<string?, byte[]?>("geo_rings",
            extent => extent is not null && AreaGeometry.TryParse(extent, out var area, out _) ? PolygonRings.Encode(area!.Geometry) : null, isDeterministic: true);
    }
}
