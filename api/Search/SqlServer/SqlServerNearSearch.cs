using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.Data.SqlClient;
using static Signpost.Search.NearOrder;

namespace Signpost.Search.SqlServer;

/// <summary>
/// Near-me search on SQL Server, the same algorithm as <see cref="Sqlite.SqliteNearSearch"/>: the
/// spatial index on <c>locations.point</c> reads circles that widen from 250 m until one holds the
/// page (and one more result, so <c>hasNextPage</c> is exact), each reading only the ring outside the
/// last; distances, the order and the cursor are the squared chord between unit vectors
/// (<see cref="NearPoint"/>), computed here from the stored coordinates, so they are exactly
/// SQLite's. Only when the radius holds too few does the search turn to the services that reach the
/// point through a service area: envelopes in SQL, the exact polygon test here
/// (<see cref="Geo.PolygonRings"/>), the covering services sent back as one JSON parameter.
/// </summary>
internal static class SqlServerNearSearch
{
    /// <summary>
    /// <c>STDistance</c> measures on the WGS 84 ellipsoid, which differs from the sphere of
    /// <see cref="NearPoint"/> by under 0.6%: SQL reads a circle this much wider, and the chord
    /// decides exactly which locations are within the radius.
    /// </summary>
    public static double ReadMetres(double km) => km * 1000 * 1.01 + 10;

    /// <summary>Declares <c>@point</c>, the search point, for the statements that measure from it.</summary>
    private const string DeclarePoint = "DECLARE @point geography = geography::Point(@pointLat, @pointLon, 4326);\n";

    /// <summary>
    /// Every listed service whose area's envelope holds the point, with the area's rings; the
    /// polygon test runs in C# (<see cref="PolygonRings.Covers"/>).
    /// </summary>
    public static string AreasAtPointSql(List<SqlParameter> parameters, GeoPoint point)
    {
        AddPoint(parameters, point);
        return $"""
            SELECT s.row_id, sa.extent_rings
            FROM service_areas sa
            JOIN services s ON s.id = sa.service_id
            WHERE sa.min_latitude <= @pointLat AND sa.max_latitude >= @pointLat
              AND sa.min_longitude <= @pointLon AND sa.max_longitude >= @pointLon
              AND sa.extent_rings IS NOT NULL
              AND {ListedStatus};
            """;
    }

    private static readonly string ListedStatus = $"s.status IN (N'{ServiceStatusNames.Active}', N'{ServiceStatusNames.TemporarilyClosed}')";

    /// <summary>
    /// The located places of listed services within <c>@metres</c> of the point (and, reading a
    /// ring, beyond <c>@readMetres</c>) that pass the filters and the text: one row per service and
    /// location, with the coordinates the chord is computed from.
    /// </summary>
    public static string LocationsWithinSql(ServiceSearchRequest request, List<SqlParameter> parameters, double metres, double? readMetres = null)
    {
        AddPoint(parameters, request.Near!.Value);
        SqlServerParameters.Add(parameters, "@metres", SqlDbType.Float, metres);
        var sql = new StringBuilder(DeclarePoint).Append($"""
            SELECT s.row_id, s.id, l.latitude, l.longitude
            FROM locations l
            JOIN service_at_locations sal ON sal.location_id = l.id
            JOIN services s ON s.id = sal.service_id
            WHERE l.point.STDistance(@point) <= @metres
            """);
        if (readMetres is { } inner)
        {
            // Locations already read by the last circle: the same test on the same values, so none is read twice or missed.
            sql.Append("\n  AND l.point.STDistance(@point) > @readMetres");
            SqlServerParameters.Add(parameters, "@readMetres", SqlDbType.Float, inner);
        }

        sql.Append("\n  AND ").Append(SqlServerSearchFilters.Where(request, parameters));
        if (request.Text is { } text)
        {
            sql.Append("\n  AND ").Append(SqlServerTextQuery.Matches(text, "s.row_id", parameters));
        }

        return sql.Append(';').ToString();
    }

    /// <summary>
    /// The services among <c>@rows</c> (covering the point by area) that pass the filters and the text,
    /// with each of their located places (none: null coordinates).
    /// </summary>
    public static string AreaOnlySql(ServiceSearchRequest request, IEnumerable<long> rowIds, List<SqlParameter> parameters)
    {
        SqlServerParameters.AddRowIds(parameters, "@rows", rowIds);
        var sql = new StringBuilder($"""
            SELECT s.row_id, s.id, l.latitude, l.longitude
            FROM services s
            LEFT JOIN service_at_locations sal ON sal.service_id = s.id
            LEFT JOIN locations l ON l.id = sal.location_id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
            WHERE s.row_id IN ({SqlServerParameters.RowIdsIn("@rows")})
              AND {SqlServerSearchFilters.Where(request, parameters)}
            """);
        if (request.Text is { } text)
        {
            sql.Append("\n  AND ").Append(SqlServerTextQuery.Matches(text, "s.row_id", parameters));
        }

        return sql.Append(';').ToString();
    }

    /// <summary>How many of the services among <c>@rows</c> pass the filters and the text.</summary>
    public static string CountAmongSql(ServiceSearchRequest request, IEnumerable<long> rowIds, List<SqlParameter> parameters)
    {
        SqlServerParameters.AddRowIds(parameters, "@rows", rowIds);
        var sql = new StringBuilder($"""
            SELECT COUNT(*)
            FROM services s
            WHERE s.row_id IN ({SqlServerParameters.RowIdsIn("@rows")})
              AND {SqlServerSearchFilters.Where(request, parameters)}
            """);
        if (request.Text is { } text)
        {
            sql.Append("\n  AND ").Append(SqlServerTextQuery.Matches(text, "s.row_id", parameters));
        }

        return sql.Append(';').ToString();
    }

    /// <summary>The located places of the services among <c>@rows</c>, for their nearest location whatever the radius.</summary>
    public static string LocationsOfSql(IEnumerable<long> rowIds, List<SqlParameter> parameters)
    {
        SqlServerParameters.AddRowIds(parameters, "@rows", rowIds);
        return $"""
            SELECT s.row_id, l.latitude, l.longitude
            FROM services s
            JOIN service_at_locations sal ON sal.service_id = s.id
            JOIN locations l ON l.id = sal.location_id
            WHERE s.row_id IN ({SqlServerParameters.RowIdsIn("@rows")})
              AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL;
            """;
    }

    public static async Task<ServiceSearchPage> PageAsync(SqlServerSession session, ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        var point = new NearPoint(request.Near!.Value);
        var want = Want(request);
        var after = request.After;

        List<Candidate> byLocation = [];
        if (after is not { Group: 1 })
        {
            var radiusKm = FirstRadiusKm(request);
            var read = new Dictionary<long, Candidate>();
            double? readMetres = null;
            while (true)
            {
                // Each circle reads only the ring outside the last one.
                var metres = ReadMetres(radiusKm);
                await ReadLocationsAsync(session, request, point, metres, readMetres, read, cancellationToken);
                readMetres = metres;
                var ring = NearPoint.Chord2ForKm(radiusKm);
                byLocation = read.Values.Where(r => r.Chord2 <= ring && IsAfter(r, after)).ToList();
                if (byLocation.Count >= want || radiusKm >= request.RadiusKm)
                {
                    break;
                }

                radiusKm = NextRadiusKm(request, radiusKm, byLocation.Count);
            }
        }

        return await NearOrder.PageAsync(request, byLocation,
            () => AreaOnlyAsync(session, request, point, NearPoint.Chord2ForKm(request.RadiusKm), cancellationToken));
    }

    /// <summary>Every match: services with a location within the radius, and those reaching the point only by area.</summary>
    public static async Task<int> CountAsync(SqlServerSession session, ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        var point = new NearPoint(request.Near!.Value);
        var byLocation = await LocationsWithinAsync(session, request, point, cancellationToken);
        var covering = await AreasCoveringAsync(session, point, cancellationToken);
        covering.ExceptWith(byLocation.Keys);
        if (covering.Count == 0 || (request.Text is null && !SqlServerSearchFilters.Any(request)))
        {
            // The covering services are listed ones: without filters every one counts.
            return byLocation.Count + covering.Count;
        }

        var parameters = new List<SqlParameter>();
        await using var command = session.Command(CountAmongSql(request, covering, parameters), parameters);
        return byLocation.Count + Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// For other orders with a point: every listed service within reach, before filters, with the
    /// squared chord to its nearest location within the radius (null: it reaches by area only).
    /// </summary>
    public static async Task<Dictionary<long, double?>> WithinReachAsync(SqlServerSession session, GeoPoint near, double radiusKm, CancellationToken cancellationToken)
    {
        var point = new NearPoint(near);
        var everyone = new ServiceSearchRequest { Near = near, RadiusKm = radiusKm };
        var within = (await LocationsWithinAsync(session, everyone, point, cancellationToken))
            .ToDictionary(c => c.Key, c => (double?)c.Value.Chord2);
        foreach (var rowId in await AreasCoveringAsync(session, point, cancellationToken))
        {
            within.TryAdd(rowId, null);
        }

        return within;
    }

    /// <summary>Distance and reach for a page in another order (<see cref="WithinReachAsync"/>).</summary>
    public static async Task<ServiceSearchPage> WithDistancesAsync(SqlServerSession session, GeoPoint near, IReadOnlyDictionary<long, double?> within, ServiceSearchPage page, CancellationToken cancellationToken)
    {
        var areaOnly = ReachingByAreaOnly(page, within);
        var nearest = areaOnly.Count == 0 ? [] : await NearestLocationsAsync(session, new NearPoint(near), areaOnly, cancellationToken);
        return WithDistances(page, within, nearest);
    }

    /// <summary>
    /// Where a candidate falls against the cursor. Ties are ordered by <see cref="Guid.CompareTo(Guid)"/>
    /// here, as in SQLite's near search, since the whole order is decided in C#.
    /// </summary>
    private static bool IsAfter(Candidate c, SearchCursor? after) =>
        after?.Chord2 is not { } cursor || c.Chord2 > cursor || (c.Chord2 == cursor && c.Id.CompareTo(after.Id) > 0);

    /// <summary>Each service with a location within the radius that passes the filters, with its nearest such location.</summary>
    private static async Task<Dictionary<long, Candidate>> LocationsWithinAsync(SqlServerSession session, ServiceSearchRequest request, NearPoint point, CancellationToken cancellationToken)
    {
        var read = new Dictionary<long, Candidate>();
        await ReadLocationsAsync(session, request, point, ReadMetres(request.RadiusKm), null, read, cancellationToken);
        var maxChord2 = NearPoint.Chord2ForKm(request.RadiusKm);
        return read.Where(r => r.Value.Chord2 <= maxChord2).ToDictionary();
    }

    /// <summary>
    /// Adds to <paramref name="read"/> each service with a location within <paramref name="metres"/>
    /// (but beyond <paramref name="readMetres"/>, already read) that passes the filters, keeping its
    /// nearest location read so far.
    /// </summary>
    private static async Task ReadLocationsAsync(SqlServerSession session, ServiceSearchRequest request, NearPoint point, double metres, double? readMetres, Dictionary<long, Candidate> read, CancellationToken cancellationToken)
    {
        var parameters = new List<SqlParameter>();
        await using var command = session.Command(LocationsWithinSql(request, parameters, metres, readMetres), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var chord2 = point.Chord2ToDegrees(reader.GetDouble(2), reader.GetDouble(3));
            if (!read.TryGetValue(rowId, out var best) || chord2 < best.Chord2)
            {
                read[rowId] = new Candidate(rowId, chord2, reader.GetGuid(1));
            }
        }
    }

    /// <summary>Listed services whose service area covers the point (before filters).</summary>
    private static async Task<HashSet<long>> AreasCoveringAsync(SqlServerSession session, NearPoint point, CancellationToken cancellationToken)
    {
        var parameters = new List<SqlParameter>();
        await using var command = session.Command(AreasAtPointSql(parameters, point.Point), parameters);
        var covering = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            if (!covering.Contains(rowId) && PolygonRings.Covers(reader.GetFieldValue<byte[]>(1), point.Point.Latitude, point.Point.Longitude))
            {
                covering.Add(rowId);
            }
        }

        return covering;
    }

    /// <summary>
    /// The services reaching the point only by area that pass the filters, with the squared chord to
    /// their nearest location anywhere (infinite when they have none); those with a location within
    /// the radius are already among the results by location.
    /// </summary>
    private static async Task<List<Candidate>> AreaOnlyAsync(SqlServerSession session, ServiceSearchRequest request, NearPoint point, double maxChord2, CancellationToken cancellationToken)
    {
        var covering = await AreasCoveringAsync(session, point, cancellationToken);
        if (covering.Count == 0)
        {
            return [];
        }

        var parameters = new List<SqlParameter>();
        await using var command = session.Command(AreaOnlySql(request, covering, parameters), parameters);
        var nearest = new Dictionary<long, Candidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var chord2 = reader.IsDBNull(2) ? double.PositiveInfinity : point.Chord2ToDegrees(reader.GetDouble(2), reader.GetDouble(3));
            if (!nearest.TryGetValue(rowId, out var best) || chord2 < best.Chord2)
            {
                nearest[rowId] = new Candidate(rowId, chord2, reader.GetGuid(1));
            }
        }

        return nearest.Values.Where(c => c.Chord2 > maxChord2).ToList();
    }

    /// <summary>The squared chord to each service's nearest location, for services that have one.</summary>
    private static async Task<Dictionary<long, double>> NearestLocationsAsync(SqlServerSession session, NearPoint point, IEnumerable<long> rowIds, CancellationToken cancellationToken)
    {
        var parameters = new List<SqlParameter>();
        await using var command = session.Command(LocationsOfSql(rowIds, parameters), parameters);
        var nearest = new Dictionary<long, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var chord2 = point.Chord2ToDegrees(reader.GetDouble(1), reader.GetDouble(2));
            if (!nearest.TryGetValue(rowId, out var best) || chord2 < best)
            {
                nearest[rowId] = chord2;
            }
        }

        return nearest;
    }

    private static void AddPoint(List<SqlParameter> parameters, GeoPoint point)
    {
        SqlServerParameters.Add(parameters, "@pointLat", SqlDbType.Float, point.Latitude);
        SqlServerParameters.Add(parameters, "@pointLon", SqlDbType.Float, point.Longitude);
    }
}
