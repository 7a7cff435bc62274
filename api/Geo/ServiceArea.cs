namespace Signpost.Geo;

/// <summary>
/// HSDS <c>service_area</c>: where a service reaches people, with a GeoJSON extent.
/// The envelope columns are derived from the extent so the R*Tree can index them.
/// </summary>
public sealed class ServiceArea
{
    /// <summary>Integer row key; the service-area R*Tree refers to areas by it.</summary>
    public long RowId { get; set; }
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>GeoJSON geometry (Polygon or MultiPolygon), longitude first.</summary>
    public string? Extent { get; private set; }
    public string ExtentType { get; private set; } = "geojson";
    public string? Uri { get; set; }
    public double? MinLatitude { get; private set; }
    public double? MaxLatitude { get; private set; }
    public double? MinLongitude { get; private set; }
    public double? MaxLongitude { get; private set; }
    /// <summary>The extent's rings in <see cref="PolygonRings"/> form, for the fast point-in-area test.</summary>
    public byte[]? ExtentRings { get; private set; }

    public void SetExtent(AreaGeometry? geometry)
    {
        Extent = geometry?.GeoJson;
        MinLatitude = geometry?.Envelope.MinY;
        MaxLatitude = geometry?.Envelope.MaxY;
        MinLongitude = geometry?.Envelope.MinX;
        MaxLongitude = geometry?.Envelope.MaxX;
        ExtentRings = geometry is null ? null : PolygonRings.Encode(geometry.Geometry);
    }
}
