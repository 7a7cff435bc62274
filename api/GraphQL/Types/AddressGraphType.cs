using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class AddressGraphType : ObjectGraphType<Address>
{
    public AddressGraphType()
    {
        Name = "Address";
        Description = "The postal address of a location (HSDS address).";
        Field(a => a.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the address.");
        Field(a => a.Attention, nullable: true).Description("A person or office the post should be addressed to.");
        Field("address1", a => a.Address1).Description("First line of the address.");
        Field("address2", a => a.Address2, nullable: true).Description("Second line of the address.");
        Field(a => a.City).Description("Town or city.");
        Field(a => a.Region, nullable: true).Description("Area within the county, if useful.");
        Field(a => a.StateProvince).Description("County.");
        Field(a => a.PostalCode).Description("Postcode, e.g. \"EX10 8XX\".");
        Field(a => a.Country).Description("ISO 3166-1 country code, \"GB\".");
    }
}
