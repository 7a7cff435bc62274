using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class GeoPointGraphType : ObjectGraphType<GeoPoint>
{
    public GeoPointGraphType()
    {
        Name = "GeoPoint";
        Description = "A point on the map (WGS 84, decimal degrees).";
        Field(p => p.Latitude).Description("Latitude in decimal degrees, -90 to 90.");
        Field(p => p.Longitude).Description("Longitude in decimal degrees, -180 to 180.");
    }
}

public sealed class GeoPointInputGraphType : InputObjectGraphType<GeoPoint>
{
    public GeoPointInputGraphType()
    {
        Name = "GeoPointInput";
        Description = "A point to search from (WGS 84, decimal degrees).";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Description("Latitude in decimal degrees, -90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("longitude").Description("Longitude in decimal degrees, -180 to 180.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new GeoPoint(Convert.ToDouble(value["latitude"], System.Globalization.CultureInfo.InvariantCulture),
                     Convert.ToDouble(value["longitude"], System.Globalization.CultureInfo.InvariantCulture));
}
