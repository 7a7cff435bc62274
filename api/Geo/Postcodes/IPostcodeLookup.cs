namespace Signpost.Geo.Postcodes;

/// <summary>
/// Turns a postcode into a point. The built-in lookup resolves districts offline; a full
/// postcode directory or a postcodes.io client can be registered in its place.
/// </summary>
public interface IPostcodeLookup
{
    /// <summary>The point for the postcode, or null when it is well-formed but not known.</summary>
    ValueTask<PostcodeLocation?> FindAsync(Postcode postcode, CancellationToken cancellationToken);
}

public sealed record PostcodeLocation(Postcode Postcode, GeoPoint Point, string Place);
