using GraphQL.Types;
using Signpost.GraphQL.Loading;

namespace Signpost.GraphQL.Types;

public sealed class LocationGraphType : ObjectGraphType<Location>
{
    public LocationGraphType()
    {
        Name = "Location";
        Description = "A place where services are delivered (HSDS location).";
        Field(l => l.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the location.");
        Field(l => l.Name, nullable: true).Description("The place's name, e.g. \"Sidmouth Methodist Church hall\".");
        Field(l => l.AlternateName, nullable: true).Description("Another name it is known by.");
        Field(l => l.Description, nullable: true).Description("About the place.");
        Field(l => l.LocationType, type: typeof(NonNullGraphType<LocationTypeGraphType>)).Description("Physical, postal or virtual.");
        Field<FloatGraphType>("latitude").Description("Latitude in decimal degrees; null for a virtual or postal-only location.").Resolve(ctx => ctx.Source.Latitude);
        Field<FloatGraphType>("longitude").Description("Longitude in decimal degrees; null for a virtual or postal-only location.").Resolve(ctx => ctx.Source.Longitude);
        Field(l => l.Transportation, nullable: true).Description("How to get there: buses, parking.");
        Field<AddressGraphType>("address")
            .Description("The street address.")
            .Resolve(ctx => ctx.Loaders().AddressesOf(ctx.Source).Then(a => a.Count > 0 ? a[0] : null));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AccessibilityGraphType>>>>("accessibility")
            .Description("Accessibility features of the place.")
            .Resolve(ctx => ctx.Loaders().AccessibilityOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PhoneGraphType>>>>("phones")
            .Description("Phone numbers for this place.")
            .Resolve(ctx => ctx.Loaders().PhonesOf(ctx.Source));
    }
}
