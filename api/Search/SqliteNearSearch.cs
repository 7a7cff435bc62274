using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Signpost.Search;

/// <summary>
/// Near-me search. SQLite's R*Trees give the candidates in the bounding box (one row per listed
/// service-location, its node holding the service's row id and the coordinates, plus the
/// service areas whose envelope holds the point); the arithmetic per candidate (exact distance by
/// chord length, each service's nearest location, the count, the top of the order) runs here at a
/// fraction of a microsecond a row. Other filters run in one SQL statement over the candidates.
/// Measured at 1,000,000 services (bench/README.md): doing this arithmetic in SQL with GROUP BY,
/// a window count and a sort cost about 5 µs a candidate, and a city point has over 11,000.
/// </summary>
internal static class SqliteNearSearch
{
    /// <summary>
    /// Every listed service-location in the bounding box (service row id and coordinates in 1e-7
    /// degrees, read from the R*Tree nodes), then every listed service whose area covers the point
    /// (coordinates NULL, with its rings). The polygon test runs here rather than in a SQL function:
    /// a function call per area cost ~3 µs, and 2,500 areas reach central London at 1,000,000 services.
    /// </summary>
    public const string CandidatesSql = """
        SELECT r.min_service, r.min_latitude, r.min_longitude, NULL
        FROM service_location_rtree r
        WHERE r.min_latitude <= @maxLat AND r.max_latitude >= @minLat
          AND r.min_longitude <= @maxLon AND r.max_longitude >= @minLon
        UNION ALL
        SELECT ar.min_service, NULL, NULL, g.rings
        FROM service_area_rtree ar
        JOIN service_area_rings g ON g.row_id = ar.id
        WHERE ar.min_latitude <= @pointLat AND ar.max_latitude >= @pointLat
          AND ar.min_longitude <= @pointLon AND ar.max_longitude >= @pointLon
        """;

    private record struct Candidate(long RowId, double Chord2, double? Rank, Guid Id);

    public static async Task<ServiceSearchPage> SearchAsync(SqliteConnection connection, ServiceSearchRequest request, CancellationToken cancellationToken)
    {
        var near = request.Near!.Value;
        var chords = await ReadCandidatesAsync(connection, near, request.RadiusKm, cancellationToken);
        if (chords.Count == 0)
        {
            return new ServiceSearchPage([], 0, false);
        }

        // Text: the full-text query runs once over the whole index and is intersected here; FTS5
        // cannot take the candidates as a rowid list without re-running the query per row.
        Dictionary<long, double>? ranks = null;
        if (request.Text is { } text)
        {
            ranks = await TextRanksAsync(connection, text, cancellationToken);
            chords = chords.Where(c => ranks.ContainsKey(c.Key)).ToDictionary();
        }

        List<Candidate> candidates;
        bool haveIds;
        if (HasFilters(request))
        {
            candidates = await FilterAsync(connection, request, chords, ranks, cancellationToken);
            haveIds = true;
        }
        else
        {
            candidates = chords.Select(c => new Candidate(c.Key, c.Value, ranks?[c.Key], Guid.Empty)).ToList();
            haveIds = false;
        }

        // Order by distance (then rank); ids break ties, so they are needed only where keys tie.
        candidates.Sort(KeyThenId);
        var page = await PageAsync(connection, request, candidates, haveIds, cancellationToken);
        return page;
    }

    /// <summary>Filters evaluated in SQL over the candidates (text is intersected separately).</summary>
    public static bool HasFilters(ServiceSearchRequest request) =>
        request.CategoryIds.Count > 0 || request.OpenAt is not null
        || request.Free is not null || request.Age is not null || request.Language is not null
        || request.OrganizationId is not null || request.TaxonomyId is not null || request.ModifiedAfter is not null
        || request.AvailableDuring is not null || request.AgesFrom is not null || request.AgesTo is not null
        // Skipping by count needs every candidate's id, so ties are ordered the same on every page.
        || request.Skip > 0;

    /// <summary>The SQL that filters candidates, exposed so tests can check its query plan.</summary>
    public static string FilterSql(ServiceSearchRequest request, List<SqliteParameter> parameters) => $"""
        SELECT s.row_id, s.id
        FROM json_each(@candidates) candidate
        JOIN services s ON s.row_id = candidate.value
        WHERE {SqliteServiceSearch.Filters(request, parameters)}
        """;

    public const string TextRanksSql = $"""
        SELECT rowid, bm25(service_fts, {SqliteSearchIndex.Bm25Weights}) FROM service_fts WHERE service_fts MATCH @text
        """;

    private static async Task<Dictionary<long, double>> TextRanksAsync(SqliteConnection connection, FtsQuery text, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = TextRanksSql;
        command.Parameters.AddWithValue("@text", text.MatchExpression);
        var ranks = new Dictionary<long, double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranks[reader.GetInt64(0)] = reader.GetDouble(1);
        }

        return ranks;
    }

    /// <summary>The candidate query for a point and radius, ready to run (the benchmark's floor runs it too).</summary>
    public static SqliteCommand CandidatesCommand(SqliteConnection connection, GeoPoint near, double radiusKm)
    {
        const double Scale = SqliteSearchIndex.CoordinateScale;
        var box = BoundingBox.Around(near, radiusKm);
        var command = connection.CreateCommand();
        command.CommandText = CandidatesSql;
        command.Parameters.AddWithValue("@pointLat", (long)Math.Round(near.Latitude * Scale));
        command.Parameters.AddWithValue("@pointLon", (long)Math.Round(near.Longitude * Scale));
        command.Parameters.AddWithValue("@minLat", (long)Math.Floor(box.MinLatitude * Scale));
        command.Parameters.AddWithValue("@maxLat", (long)Math.Ceiling(box.MaxLatitude * Scale));
        command.Parameters.AddWithValue("@minLon", (long)Math.Floor(box.MinLongitude * Scale));
        command.Parameters.AddWithValue("@maxLon", (long)Math.Ceiling(box.MaxLongitude * Scale));
        return command;
    }

    private static async Task<Dictionary<long, double>> ReadCandidatesAsync(SqliteConnection connection, GeoPoint near, double radiusKm, CancellationToken cancellationToken)
    {
        var (x, y, z) = UnitVector(near.Latitude, near.Longitude);
        var maxChord = 2 * Math.Sin(radiusKm / (2 * GreatCircle.EarthRadiusKm));
        var maxChord2 = maxChord * maxChord;
        await using var command = CandidatesCommand(connection, near, radiusKm);

        // A service's distance is its nearest location within the radius; one that only reaches
        // the point through a service area is at 0.
        var nearest = new Dictionary<long, double>();
        var areaOnly = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            if (reader.IsDBNull(1))
            {
                if (PolygonRings.Covers(reader.GetFieldValue<byte[]>(3), near.Latitude, near.Longitude))
                {
                    areaOnly.Add(rowId);
                }

                continue;
            }

            var (lx, ly, lz) = UnitVector(reader.GetInt64(1) / SqliteSearchIndex.CoordinateScale, reader.GetInt64(2) / SqliteSearchIndex.CoordinateScale);
            var chord2 = (lx - x) * (lx - x) + (ly - y) * (ly - y) + (lz - z) * (lz - z);
            if (chord2 <= maxChord2 && (!nearest.TryGetValue(rowId, out var best) || chord2 < best))
            {
                nearest[rowId] = chord2;
            }
        }

        foreach (var rowId in areaOnly)
        {
            nearest.TryAdd(rowId, 0);
        }

        return nearest;
    }

    private static async Task<List<Candidate>> FilterAsync(SqliteConnection connection, ServiceSearchRequest request, Dictionary<long, double> chords, Dictionary<long, double>? ranks, CancellationToken cancellationToken)
    {
        var parameters = new List<SqliteParameter> { new("@candidates", RowIdsJson(chords.Keys)) };
        await using var command = connection.CreateCommand();
        command.CommandText = FilterSql(request, parameters);
        command.Parameters.AddRange(parameters.ToArray());
        var passed = new List<Candidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowId = reader.GetInt64(0);
            passed.Add(new Candidate(rowId, chords[rowId], ranks?[rowId], Guid.Parse(reader.GetString(1))));
        }

        return passed;
    }

    /// <summary>
    /// The page after the cursor. Candidates are sorted by key; where ids are not known yet they
    /// are fetched for the page and for every candidate tied with its ends, then ordered by id.
    /// </summary>
    private static async Task<ServiceSearchPage> PageAsync(SqliteConnection connection, ServiceSearchRequest request, List<Candidate> sorted, bool haveIds, CancellationToken cancellationToken)
    {
        var start = 0;
        if (request.After is { } after)
        {
            var cursorKey = new Candidate(0, after.SortDistance ?? 0, after.Rank, after.Id);
            while (start < sorted.Count && CompareKeys(sorted[start], cursorKey) < 0)
            {
                start++;
            }
        }

        var end = haveIds ? sorted.Count : Math.Min(sorted.Count, start + request.First + 1);
        if (!haveIds)
        {
            // Widen to whole tie groups at both ends, fetch their ids, and re-sort the window.
            var tieEnd = start;
            while (tieEnd < sorted.Count && request.After is not null && sorted[tieEnd].Chord2 == request.After.SortDistance)
            {
                tieEnd++;
            }

            end = Math.Min(sorted.Count, Math.Max(end, tieEnd + request.First + 1));
            while (end < sorted.Count && end > 0 && sorted[end].Chord2 == sorted[end - 1].Chord2)
            {
                end++;
            }

            var window = sorted.GetRange(start, end - start);
            var ids = await IdsAsync(connection, window.Select(c => c.RowId), cancellationToken);
            for (var i = start; i < end; i++)
            {
                sorted[i] = sorted[i] with { Id = ids[sorted[i].RowId] };
            }

            sorted.Sort(start, end - start, KeyThenId);
        }

        if (request.After is { } cursor)
        {
            var cursorKey = new Candidate(0, cursor.SortDistance ?? 0, cursor.Rank, cursor.Id);
            while (start < end && (CompareKeys(sorted[start], cursorKey) is var c && (c < 0 || (c == 0 && sorted[start].Id.CompareTo(cursor.Id) <= 0))))
            {
                start++;
            }
        }

        start = Math.Min(end, start + request.Skip);
        var take = Math.Min(request.First, Math.Max(0, end - start));
        var hits = new List<ServiceSearchHit>(take);
        for (var i = start; i < start + take; i++)
        {
            var c = sorted[i];
            hits.Add(new ServiceSearchHit(c.RowId, c.Id, "", c.Chord2, ChordToKm(c.Chord2), c.Rank));
        }

        return new ServiceSearchPage(hits, sorted.Count, start + take < sorted.Count);
    }

    private static readonly Comparer<Candidate> KeyThenId =
        Comparer<Candidate>.Create((a, b) => CompareKeys(a, b) is var c and not 0 ? c : a.Id.CompareTo(b.Id));

    private static int CompareKeys(Candidate a, Candidate b)
    {
        var byDistance = a.Chord2.CompareTo(b.Chord2);
        return byDistance != 0 ? byDistance : Nullable.Compare(a.Rank, b.Rank);
    }

    private static async Task<Dictionary<long, Guid>> IdsAsync(SqliteConnection connection, IEnumerable<long> rowIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT row_id, id FROM services WHERE row_id IN (SELECT value FROM json_each(@rows))";
        command.Parameters.AddWithValue("@rows", RowIdsJson(rowIds));
        var ids = new Dictionary<long, Guid>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetInt64(0)] = Guid.Parse(reader.GetString(1));
        }

        return ids;
    }

    private static string RowIdsJson(IEnumerable<long> rowIds)
    {
        var json = new StringBuilder("[");
        foreach (var rowId in rowIds)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append(rowId.ToString(CultureInfo.InvariantCulture));
        }

        return json.Append(']').ToString();
    }

    public static double ChordToKm(double chord2) => 2 * GreatCircle.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(chord2) / 2));

    private static (double X, double Y, double Z) UnitVector(double latitude, double longitude)
    {
        var (lat, lon) = (GreatCircle.ToRadians(latitude), GreatCircle.ToRadians(longitude));
        var cosLat = Math.Cos(lat);
        return (cosLat * Math.Cos(lon), cosLat * Math.Sin(lon), Math.Sin(lat));
    }
}
