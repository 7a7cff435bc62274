namespace Signpost.Geo.Postcodes;

/// <summary>
/// Turns a postcode into a point. The built-in lookup resolves districts offline; a full
/// postcode directory or a postcodes.io client can be registered in its place.
/// </summary>
public interface IPostcodeLookup
{
    /// <summary>The point for the postcode, or null when it is well-formed but not known.</summary>
    ValueTask<PostcodeLocation?> FindAsync(Postcode postcode, CancellationToken cancellationToken);

    /// <summary>
    /// Every district the lookup knows, by outcode, so clients can geocode offline (the static site
    /// turns a postcode into a point in the browser). Empty for a lookup that cannot list them.
    /// </summary>
    IReadOnlyList<PostcodeDistrict> Districts { get; }
}

/// <summary>A postcode district (outcode) and the centre of its area.</summary>
public sealed record PostcodeDistrict(string Outcode, GeoPoint Centre, string Place);

public sealed record PostcodeLocation(Postcode Postcode, GeoPoint Point, string Place);
