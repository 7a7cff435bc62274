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

    public SearchOrder Order => Near is not null ? SearchOrder.Distance : Text is not null ? SearchOrder.Relevance : SearchOrder.Name;
}

/// <summary>
/// A day of the week (<c>MO</c>…<c>SU</c>, or null for any) and local hours (<c>HH:mm</c>, or
/// null for open-ended): a schedule matches when it recurs on that day and its hours overlap.
/// </summary>
public sealed record AvailabilityWindow(string? DayCode, string? StartTime, string? EndTime);

public enum SearchOrder
{
    /// <summary>Nearest first; ties by text rank (when searching text), then id.</summary>
    Distance,
    /// <summary>Best text match first, then id.</summary>
    Relevance,
    /// <summary>Alphabetical by name, then id.</summary>
    Name,
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
/// One result: the service's keys and the values it was ordered by. <see cref="SortDistance"/> is
/// the squared chord length to the search point (it orders exactly as great-circle distance does).
/// </summary>
public sealed record ServiceSearchHit(long RowId, Guid Id, string Name, double? SortDistance, double? DistanceKm, double? Rank);

public sealed record ServiceSearchPage(IReadOnlyList<ServiceSearchHit> Hits, int TotalCount, bool HasNextPage);

public interface IServiceSearch
{
    Task<ServiceSearchPage> SearchAsync(ServiceSearchRequest request, CancellationToken cancellationToken);
}
