using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class ServiceAreaGraphType : ObjectGraphType<ServiceArea>
{
    public ServiceAreaGraphType()
    {
        Name = "ServiceArea";
        Description = "An area a service reaches, such as a valley-wide home visiting service (HSDS service_area).";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the area.");
        Field(a => a.Name).Description("The area's name, e.g. \"Sid Valley\".");
        Field(a => a.Description, nullable: true).Description("The area in words.");
        Field(a => a.Extent, nullable: true).Description("The area as a GeoJSON Polygon or MultiPolygon ([longitude, latitude]).");
        Field(a => a.ExtentType).Description("The format of extent: \"geojson\".");
    }
}
