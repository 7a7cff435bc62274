using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Signpost.Data;
using static Signpost.Search.NearOrder;

namespace Signpost.Search.Sqlite;

/// <summary>
/// Near-me search on SQLite's R*Trees (one row per listed service-location, the node holding the
/// service's row id and the coordinates; and the service areas' envelopes). The arithmetic per
/// candidate (exact distance by chord length, each service's nearest location, the order) runs here
/// at a fraction of a microsecond a row; measured at 1,000,000 services (bench/README.md), doing it in
/// SQL with GROUP BY and a sort cost about 5 µs a candidate, and a city point has over 11,000.
/// <para>
/// A page reads only what it needs: circles that widen from 250 m until one holds the page (and one
/// more result, so <c>hasNextPage</c> is exact), because every service outside a circle is farther
/// than every service inside it. Only when the radius itself holds too few does the search turn to
/// the services that reach the point through a service area. Counting everything is separate
/// (<see cref="CountAsync"/>) and runs only when a count is asked for.
/// </para>
/// </summary>
internal static class SqliteNearSearch
{
    /// <summary>
    /// Every listed service whose area's envelope holds the point, with the area's rings. The
    /// polygon test runs here rather than in a SQL function: a function call per area cost ~3 µs,
    /// and 2,500 areas reach central London at 1,000,000 services.
    /// </summary>
    public const string AreasAtPointSql = """
        SELECT ar.min_service, g.rings
        FROM service_area_rtree ar
        JOIN service_area_rings g ON g.row_id = ar.id
        WHERE ar.min_latitude <= @pointLat AND ar.max_latitude >= @pointLat
          AND ar.min_longitude <= @pointLon AND ar.max_longitude >= @pointLon
        """;

    public static async Task<ServiceSearchPage> PageAsync(SqliteConnection connection, ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        var point = new NearPoint(request.Near!.Value);
        var want = Want(request);
        var after = request.After;
        var ids = new Dictionary<long, Guid>();

        List<Candidate> byLocation = [];
        if (after is not { Group: 1 })
        {
            var radiusKm = FirstRadiusKm(request);
            var read = new Dictionary<long, double>();
            BoundingBox? readBox = null;
            while (true)
            {
                // Each circle reads only the part of its box outside the last one.
                var box = BoundingBox.Around(point.Point, radiusKm);
                await ReadLocationsAsync(connection, request, point, box, readBox, read, cancellationToken);
                readBox = box;
                var ring = NearPoint.Chord2ForKm(radiusKm);
                byLocation = await AfterCursorAsync(connection, read.Where(r => r.Value <= ring), after, ids, cancellationToken);
                if (byLocation.Count >= want || radiusKm >= request.RadiusKm)
                {
                    break;
                }

                radiusKm = NextRadiusKm(request, radiusKm, byLocation.Count);
            }
        }

        byLocation.Sort(ByDistanceThenId);
        await CompleteIdsAsync(connection, byLocation, want, ids, cancellationToken);
        return await NearOrder.PageAsync(request, byLocation,
            () => AreaOnlyAsync(connection, request, point, NearPoint.Chord2ForKm(request.RadiusKm), cancellationToken));
    }

    /// <summary>Every match: services with a location within the radius, and those reaching the point only by area.</summary>
    public static async Task<int> CountAsync(SqliteConnection connection, ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        var point = new NearPoint(request.Near!.Value);
        var byLocation = await LocationsWithinAsync(connection, request, point, request.RadiusKm, cancellationToken);
        var covering = await AreasCoveringAsync(connection, point, cancellationToken);
        covering.ExceptWith(byLocation.Keys);
        if (covering.Count == 0 || (request.Text is null && !SqliteSearchFilters.Any(request)))
        {
            // The R*Trees hold listed services only: without filters every covering service counts.
            return byLocation.Count + covering.Count;
        }

        var parameters = new List<SqliteParameter> { new("@rows", RowIds.Json(covering)) };
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT count(*) FROM json_each(@rows) j JOIN services s ON s.row_id = j.value
            WHERE {SqliteSearchFilters.Where(request, parameters)}{TextCondition(request, "s.row_id", parameters)}
            """;
        command.Parameters.AddRange(parameters.ToArray());
        return byLocation.Count + Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// For other orders with a point: every listed service within reach, before filters, with the
    /// squared chord to its nearest location within the radius (null: it reaches by area only).
    /// </summary>
    public static async Task<Dictionary<long, double?>> WithinReachAsync(SqliteConnection connection, GeoPoint near, double radiusKm, CancellationToken cancellationToken)
    {
        var point = new NearPoint(near);
        var everyone = new ServiceSearchRequest { Near = near, RadiusKm = radiusKm };
        var within = (await LocationsWithinAsync(connection, everyone, point, radiusKm, cancellationToken))
            .ToDictionary(c => c.Key, c => (double?)c.Value);
        foreach (var rowId in await AreasCoveringAsync(connection, point, cancellationToken))
        {
            within.TryAdd(rowId, null);
        }

        return within;
    }

    /// <summary>Distance and reach for a page in another order (<see cref="WithinReachAsync"/>).</summary>
    public static async Task<ServiceSearchPage> WithDistancesAsync(SqliteConnection connection, GeoPoint near, IReadOnlyDictionary<long, double?> within, ServiceSearchPage page, CancellationToken cancellationToken)
    {
        var areaOnly = ReachingByAreaOnly(page, within);
        var nearest = areaOnly.Count == 0 ? [] : await NearestLocationsAsync(connection, new NearPoint(near), areaOnly, cancellationToken);
        return WithDistances(page, within, nearest);
    }

    /// <summary>The location query for a point and radius without filters, ready to run (the benchmark's floor runs it).</summary>
    public static SqliteCommand LocationsCommand(SqliteConnection connection, GeoPoint near, double radiusKm)
    {
        var box = BoundingBox.Around(near, radiusKm);
        var command = connection.CreateCommand();
        command.CommandText = LocationsWithinSql(new ServiceSearchRequest { Near = near, RadiusKm = radiusKm }, [], box);
        AddBox(command.Parameters, box, "");
        return command;
    }

    /// <summary>
    /// The locations in a box that pass the filters, exposed so tests can check its query plan.
    /// Without filters only the R*Tree is read; open at, categories and age read each candidate's
    /// search facets (<see cref="SqliteSearchFacets"/>), and only other filters join the service.
    /// </summary>
    public static string LocationsWithinSql(ServiceSearchRequest request, List<SqliteParameter> parameters, BoundingBox box, bool outsideReadBox = false)
    {
        var (onFacets, onService) = SqliteSearchFilters.ForCandidates(request, parameters);

        // CROSS JOIN keeps the order: the facets' few integers are tested before any service is read.
        var sql = new StringBuilder("SELECT r.min_service, r.min_latitude, r.min_longitude\nFROM service_location_rtree r");
        sql.Append(onFacets is null ? "" : " CROSS JOIN service_facets f").Append(onService is null ? "" : " CROSS JOIN services s");
        sql.Append("""

            WHERE r.min_latitude <= @maxLat AND r.max_latitude >= @minLat
              AND r.min_longitude <= @maxLon AND r.max_longitude >= @minLon
            """);
        if (outsideReadBox)
        {
            // Tested on the R*Tree row before any service is joined: rows already read cost no filter.
            sql.Append("\n  AND NOT (r.min_latitude <= @readMaxLat AND r.max_latitude >= @readMinLat AND r.min_longitude <= @readMaxLon AND r.max_longitude >= @readMinLon)");
        }

        if (onFacets is not null)
        {
            sql.Append("\n  AND f.row_id = r.min_service\n  AND ").Append(onFacets);
        }

        if (onService is not null)
        {
            sql.Append("\n  AND s.row_id = r.min_service\n  AND ").Append(onService);
        }

        // "+": otherwise SQLite hands the text's matches to the R*Tree as "service = each match" and
        // reads the box once per match: 26.4 ms instead of 2.0 ms for "bereavement" in a 2 km box
        // of central London at 1,000,000 services (454 matches).
        return sql.Append(TextCondition(request, "+r.min_service", parameters, box)).ToString();
    }

    /// <summary>Each service with a location within the circle that passes the filters, with the squared chord to its nearest such location.</summary>
    private static async Task<Dictionary<long, double>> LocationsWithinAsync(SqliteConnection connection, ServiceSearchRequest request, NearPoint point, double radiusKm, CancellationToken cancellationToken)
    {
        var read = new Dictionary<long, double>();
        await ReadLocationsAsync(connection, request, point, BoundingBox.Around(point.Point, radiusKm), null, read, cancellationToken);
        var maxChord2 = NearPoint.Chord2ForKm(radiusKm);
        return read.Where(r => r.Value <= maxChord2).ToDictionary();
    }

    /// <summary>
    /// Adds to <paramref name="read"/> each service with a location in the box (but outside
    /// <paramref name="readBox"/>, already read) that passes the filters, keeping the squared chord
    /// to its nearest location read so far (<see cref="LocationsWithinSql"/>).
    /// </summary>
    private static async Task ReadLocationsAsync(SqliteConnection connection, ServiceSearchRequest request, NearPoint point, BoundingBox box, BoundingBox? readBox, Dictionary<long, double> read, CancellationToken cancellationToken)
    {
        var parameters = new List<SqliteParameter>();
        await using var command = connection.CreateCommand();
        command.CommandText = LocationsWithinSql(request, parameters, box, readBox is not null);
        command.Parameters.AddRange(parameters.ToArray());
        AddBox(command.Parameters, box, "");
        if (readBox is { } inner)
        {
            AddBox(command.Parameters, inner, "read");
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var chord2 = point.Chord2To(reader.GetInt64(1), reader.GetInt64(2));
            if (!read.TryGetValue(rowId, out var best) || chord2 < best)
            {
                read[rowId] = chord2;
            }
        }
    }

    /// <summary>The candidates strictly after the cursor; ids are fetched for any that tie with it.</summary>
    private static async Task<List<Candidate>> AfterCursorAsync(SqliteConnection connection, IEnumerable<KeyValuePair<long, double>> ring, SearchCursor? after, Dictionary<long, Guid> ids, CancellationToken cancellationToken)
    {
        if (after?.Chord2 is not { } cursor)
        {
            return ring.Select(c => new Candidate(c.Key, c.Value, ids.GetValueOrDefault(c.Key))).ToList();
        }

        await FetchIdsAsync(connection, ring.Where(c => c.Value == cursor).Select(c => c.Key), ids, cancellationToken);
        return ring
            .Where(c => c.Value > cursor || (c.Value == cursor && ids[c.Key].CompareTo(after.Id) > 0))
            .Select(c => new Candidate(c.Key, c.Value, ids.GetValueOrDefault(c.Key)))
            .ToList();
    }

    /// <summary>
    /// Ids for the first <paramref name="want"/> candidates (sorted by distance) and every candidate
    /// tied with the last of them, so ties can be ordered by id; nothing else needs one.
    /// </summary>
    private static async Task CompleteIdsAsync(SqliteConnection connection, List<Candidate> sorted, int want, Dictionary<long, Guid> ids, CancellationToken cancellationToken)
    {
        var end = Math.Min(sorted.Count, want);
        while (end > 0 && end < sorted.Count && sorted[end].Chord2 == sorted[end - 1].Chord2)
        {
            end++;
        }

        await FetchIdsAsync(connection, sorted.Take(end).Where(c => c.Id == Guid.Empty).Select(c => c.RowId), ids, cancellationToken);
        for (var i = 0; i < end; i++)
        {
            sorted[i] = sorted[i] with { Id = ids[sorted[i].RowId] };
        }

        sorted.RemoveRange(end, sorted.Count - end);
    }

    /// <summary>Listed services whose service area covers the point (before filters).</summary>
    private static async Task<HashSet<long>> AreasCoveringAsync(SqliteConnection connection, NearPoint point, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = AreasAtPointSql;
        command.Parameters.AddWithValue("@pointLat", (long)Math.Round(point.Point.Latitude * SqliteSearchIndex.CoordinateScale));
        command.Parameters.AddWithValue("@pointLon", (long)Math.Round(point.Point.Longitude * SqliteSearchIndex.CoordinateScale));
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
    private static async Task<List<Candidate>> AreaOnlyAsync(SqliteConnection connection, ServiceSearchRequest request, NearPoint point, double maxChord2, CancellationToken cancellationToken)
    {
        var covering = await AreasCoveringAsync(connection, point, cancellationToken);
        if (covering.Count == 0)
        {
            return [];
        }

        var parameters = new List<SqliteParameter> { new("@rows", RowIds.Json(covering)) };
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT s.row_id, s.id, r.min_latitude, r.min_longitude
            FROM json_each(@rows) j
            JOIN services s ON s.row_id = j.value
            LEFT JOIN service_at_locations sal ON sal.service_id = s.id
            LEFT JOIN service_location_rtree r ON r.id = sal.row_id
            WHERE {SqliteSearchFilters.Where(request, parameters)}{TextCondition(request, "s.row_id", parameters)}
            """;
        command.Parameters.AddRange(parameters.ToArray());
        var nearest = new Dictionary<long, Candidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var chord2 = reader.IsDBNull(2) ? double.PositiveInfinity : point.Chord2To(reader.GetInt64(2), reader.GetInt64(3));
            if (!nearest.TryGetValue(rowId, out var best) || chord2 < best.Chord2)
            {
                nearest[rowId] = new Candidate(rowId, chord2, Guid.Parse(reader.GetString(1)));
            }
        }

        return nearest.Values.Where(c => c.Chord2 > maxChord2).ToList();
    }

    /// <summary>The squared chord to each service's nearest location, for services that have one.</summary>
    private static async Task<Dictionary<long, double>> NearestLocationsAsync(SqliteConnection connection, NearPoint point, IEnumerable<long> rowIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.row_id, r.min_latitude, r.min_longitude
            FROM json_each(@rows) j
            JOIN services s ON s.row_id = j.value
            JOIN service_at_locations sal ON sal.service_id = s.id
            JOIN service_location_rtree r ON r.id = sal.row_id
            """;
        command.Parameters.AddWithValue("@rows", RowIds.Json(rowIds));
        var nearest = new Dictionary<long, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            var chord2 = point.Chord2To(reader.GetInt64(1), reader.GetInt64(2));
            if (!nearest.TryGetValue(rowId, out var best) || chord2 < best)
            {
                nearest[rowId] = chord2;
            }
        }

        return nearest;
    }

    private static async Task FetchIdsAsync(SqliteConnection connection, IEnumerable<long> rowIds, Dictionary<long, Guid> ids, CancellationToken cancellationToken)
    {
        var missing = rowIds.Where(r => !ids.ContainsKey(r)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT row_id, id FROM services WHERE row_id IN (SELECT value FROM json_each(@rows))";
        command.Parameters.AddWithValue("@rows", RowIds.Json(missing));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetInt64(0)] = Guid.Parse(reader.GetString(1));
        }
    }

    /// <summary>
    /// Text narrows by membership only: nearest-first results are ordered by distance, then id.
    /// With a box, FTS5 returns only the matches with a place in the box's grid cells.
    /// </summary>
    private static string TextCondition(ServiceSearchRequest request, string rowId, List<SqliteParameter> parameters, BoundingBox? box = null)
    {
        if (request.Text is not { } text)
        {
            return "";
        }

        parameters.Add(new SqliteParameter("@text", box is { } b ? SqliteTextQuery.WordsIn(text, b) : SqliteTextQuery.Words(text)));
        return $"\n  AND {rowId} IN (SELECT rowid FROM service_fts WHERE service_fts MATCH @text)";
    }

    /// <summary>The box in the R*Trees' fixed point, widened outwards: <c>@minLat</c>… or, with a prefix, <c>@readMinLat</c>….</summary>
    private static void AddBox(SqliteParameterCollection parameters, BoundingBox box, string prefix)
    {
        const double Scale = SqliteSearchIndex.CoordinateScale;
        parameters.AddWithValue(Name("MinLat"), (long)Math.Floor(box.MinLatitude * Scale));
        parameters.AddWithValue(Name("MaxLat"), (long)Math.Ceiling(box.MaxLatitude * Scale));
        parameters.AddWithValue(Name("MinLon"), (long)Math.Floor(box.MinLongitude * Scale));
        parameters.AddWithValue(Name("MaxLon"), (long)Math.Ceiling(box.MaxLongitude * Scale));

        string Name(string part) => prefix.Length == 0 ? "@" + char.ToLowerInvariant(part[0]) + part[1..] : "@" + prefix + part;
    }
}
