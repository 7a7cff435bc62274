using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class LocationTypeGraphType : EnumerationGraphType<LocationType>
{
    public LocationTypeGraphType()
    {
        Name = "LocationType";
        Description = "The kind of location (HSDS location.location_type).";
        Values["PHYSICAL"]!.Description = "A place people can visit.";
        Values["POSTAL"]!.Description = "A postal address only.";
        Values["VIRTUAL"]!.Description = "An online or telephone presence.";
    }
}
