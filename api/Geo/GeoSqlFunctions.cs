using Microsoft.Data.Sqlite;

namespace Signpost.Geo;

/// <summary>
/// SQL functions SQLite lacks, registered on each connection: <c>geo_rings(extent)</c> turns
/// GeoJSON into the <see cref="PolygonRings"/> form, for migrations that fill the column from
/// existing rows.
/// </summary>
internal static class GeoSqlFunctions
{
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, byte[]?>("geo_rings",
            extent => extent is not null && AreaGeometry.TryParse(extent, out var area, out _) ? PolygonRings.Encode(area!.Geometry) : null, isDeterministic: true);
}
