namespace Signpost.Search;

/// <summary>
/// The nearest-first order both engines page by, whatever reads their candidates: services with a
/// location within the radius, by their nearest one; then, when those are fewer than the page, the
/// services reaching the point only through a service area, by their nearest location anywhere
/// (none last); ties by id. Also the circles a page is read in, and each hit's distance and cursor.
/// </summary>
internal static class NearOrder
{
    /// <summary>The first circle: in central London at 1,000,000 services 250 m already holds ~80 services.</summary>
    public const double FirstRingKm = 0.25;

    /// <summary>A service and the squared chord to its nearest location (infinite: it has none).</summary>
    public readonly record struct Candidate(long RowId, double Chord2, Guid Id);

    /// <summary>Nearest first, then id; a service with no location has an infinite distance, so it comes last.</summary>
    public static readonly Comparer<Candidate> ByDistanceThenId =
        Comparer<Candidate>.Create((a, b) => a.Chord2.CompareTo(b.Chord2) is var c and not 0 ? c : a.Id.CompareTo(b.Id));

    /// <summary>The page, the one more result that tells whether there is a next page, and those passed over.</summary>
    public static int Want(ServiceSearchRequest request) => request.Skip + request.First + 1;

    /// <summary>The first circle to read: 250 m, or a little beyond the cursor's distance; never beyond the radius.</summary>
    public static double FirstRadiusKm(ServiceSearchRequest request) =>
        Math.Min(request.RadiusKm, request.After?.Chord2 is { } c ? Math.Max(FirstRingKm, NearPoint.ChordToKm(c) * 1.2) : FirstRingKm);

    /// <summary>The circle that should hold the page at the density seen so far (found of want in <paramref name="radiusKm"/>).</summary>
    public static double NextRadiusKm(ServiceSearchRequest request, double radiusKm, int found)
    {
        var growth = found == 0 ? 8 : Math.Clamp(Math.Sqrt((double)Want(request) / found) * 1.25, 1.5, 8);
        return Math.Min(request.RadiusKm, radiusKm * growth);
    }

    /// <summary>
    /// The page from the candidates by location after the cursor and, only when they are fewer than
    /// wanted, those by area (read by <paramref name="byArea"/>), after the cursor when it is in that group.
    /// </summary>
    public static async Task<ServiceSearchPage> PageAsync(ServiceSearchRequest request, List<Candidate> byLocation, Func<Task<List<Candidate>>> byArea)
    {
        var want = Want(request);
        var after = request.After;
        byLocation.Sort(ByDistanceThenId);
        var results = byLocation.Take(want).Select(c => Hit(c, ServiceReach.Location)).ToList();
        if (results.Count < want)
        {
            var areas = await byArea();
            areas.Sort(ByDistanceThenId);
            var start = after is { Group: 1 } ? areas.FindIndex(c => ByDistanceThenId.Compare(c, new Candidate(0, after.Chord2 ?? double.PositiveInfinity, after.Id)) > 0) : 0;
            if (start >= 0)
            {
                results.AddRange(areas.Skip(start).Take(want - results.Count).Select(c => Hit(c, ServiceReach.ServiceArea)));
            }
        }

        var page = results.Skip(request.Skip).Take(request.First).ToList();
        return new ServiceSearchPage(page, results.Count == want);
    }

    /// <summary>The hits of a page in another order that reach the point by area only (their distance is their nearest location anywhere).</summary>
    public static List<long> ReachingByAreaOnly(ServiceSearchPage page, IReadOnlyDictionary<long, double?> within) =>
        page.Hits.Where(h => within[h.RowId] is null).Select(h => h.RowId).ToList();

    /// <summary>
    /// Distance and reach for a page in another order: the chord to the nearest location within the
    /// radius, or for a service reaching by area only, to its <paramref name="nearest"/> location anywhere.
    /// </summary>
    public static ServiceSearchPage WithDistances(ServiceSearchPage page, IReadOnlyDictionary<long, double?> within, IReadOnlyDictionary<long, double> nearest)
    {
        var hits = page.Hits.Select(h => within[h.RowId] is { } chord2
            ? h with { DistanceKm = NearPoint.ChordToKm(chord2), Reach = ServiceReach.Location }
            : h with { DistanceKm = nearest.TryGetValue(h.RowId, out var n) ? NearPoint.ChordToKm(n) : null, Reach = ServiceReach.ServiceArea });
        return page with { Hits = hits.ToList() };
    }

    private static ServiceSearchHit Hit(Candidate c, ServiceReach reach) => new(
        c.RowId,
        c.Id,
        double.IsPositiveInfinity(c.Chord2) ? null : NearPoint.ChordToKm(c.Chord2),
        reach,
        SearchCursor.ForDistance(reach, double.IsPositiveInfinity(c.Chord2) ? null : c.Chord2, c.Id));
}
