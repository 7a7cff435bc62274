namespace Signpost.Search;

/// <summary>A validated search: every value here is already known to be in range.</summary>
public sealed record ServiceSearchRequest
{
    public GeoPoint? Near { get; init; }
    public double RadiusKm { get; init; } = SearchLimits.DefaultRadiusKm;
    public FtsQuery? Text { get; init; }
    /// <summary>Category ids, already expanded to include every child of a chosen parent.</summary>
    public IReadOnlyList<Guid> CategoryIds { get; init; } = [];
    public OpenAtMoment? OpenAt { get; init; }
    public bool? Free { get; init; }
    public int? Age { get; init; }
    public string? Language { get; init; }
    public int First { get; init; } = SearchLimits.DefaultPageSize;
    public SearchCursor? After { get; init; }
    /// <summary>Results to pass over before the page (after <see cref="After"/>), for clients that ask by page number.</summary>
    public int Skip { get; init; }
    public Guid? OrganizationId { get; init; }
    /// <summary>Services with any term of this taxonomy.</summary>
    public Guid? TaxonomyId { get; init; }
    /// <summary>Services changed at or after this moment.</summary>
    public DateTimeOffset? ModifiedAfter { get; init; }
    /// <summary>Services with a schedule on this day and within these hours, whatever the date.</summary>
    public AvailabilityWindow? AvailableDuring { get; init; }
    /// <summary>Services whose age range reaches this age or older (their maximum age is at least it, or unset).</summary>
    public int? AgesFrom { get; init; }
    /// <summary>Services whose age range reaches this age or younger (their minimum age is at most it, or unset).</summary>
    public int? AgesTo { get; init; }
    /// <summary>The order asked for; null for the default (<see cref="DefaultOrder"/>).</summary>
    public SearchOrder? OrderBy { get; init; }

    public SearchOrder Order => OrderBy ?? DefaultOrder(Near is not null, Text is not null);

    /// <summary>Nearest first with a point; best match first with text alone; otherwise by name.</summary>
    public static SearchOrder DefaultOrder(bool hasPoint, bool hasText) =>
        hasPoint ? SearchOrder.Distance : hasText ? SearchOrder.Relevance : SearchOrder.Name;
}

/// <summary>
/// A day of the week (<c>MO</c>…<c>SU</c>, or null for any) and local hours (<c>HH:mm</c>, or
/// null for open-ended): a schedule matches when it recurs on that day and its hours overlap.
/// </summary>
public sealed record AvailabilityWindow(string? DayCode, string? StartTime, string? EndTime);

/// <summary>Result orders. Every order ends in a unique key, so keyset paging is stable.</summary>
public enum SearchOrder
{
    /// <summary>
    /// Needs a point. Services with a location within the radius, nearest first, then services
    /// that reach the point only through a service area, by their nearest location (none last); ties by id.
    /// </summary>
    Distance,
    /// <summary>Needs text. Best text match first, then id.</summary>
    Relevance,
    /// <summary>Alphabetical by name (ignoring case), then id.</summary>
    Name,
    /// <summary>Most recently verified with the provider first; never verified last; then id.</summary>
    LastVerified,
    /// <summary>Most recently added to this directory first.</summary>
    RecentlyAdded,
}

/// <summary>How a service found near a point reaches it.</summary>
public enum ServiceReach
{
    /// <summary>One of its locations is within the radius.</summary>
    Location,
    /// <summary>None of its locations is within the radius, but its service area covers the point.</summary>
    ServiceArea,
}

public static class SearchLimits
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const double DefaultRadiusKm = 10;
    public const double MaxRadiusKm = 200;
    public const int MaxTextLength = 200;
    public const int MaxCategories = 20;
}

/// <summary>
/// One result: the service's keys, its distance and reach (searches with a point), and the cursor
/// that continues the search after it.
/// </summary>
public sealed record ServiceSearchHit(long RowId, Guid Id, double? DistanceKm, ServiceReach? Reach, SearchCursor Cursor);

/// <summary>A page of results; <see cref="HasNextPage"/> is exact.</summary>
public sealed record ServiceSearchPage(IReadOnlyList<ServiceSearchHit> Hits, bool HasNextPage);

/// <summary>
/// The search seam: one implementation per database engine, sharing the request, cursors and
/// ordering rules above.
/// </summary>
public interface IServiceSearch
{
    /// <summary>The page after <see cref="ServiceSearchRequest.After"/> (and <see cref="ServiceSearchRequest.Skip"/>), in <see cref="ServiceSearchRequest.Order"/>.</summary>
    Task<ServiceSearchPage> SearchAsync(ServiceSearchRequest request, CancellationToken cancellationToken);

    /// <summary>How many services match in all. Reads every match, so it costs more than a page on large result sets.</summary>
    Task<int> CountAsync(ServiceSearchRequest request, CancellationToken cancellationToken);
}
