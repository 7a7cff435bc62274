using GraphQL.Types;
using Signpost.GraphQL.Loading;

namespace Signpost.GraphQL.Types;

public sealed class OrganizationGraphType : ObjectGraphType<Organization>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        Description = "A charity, group, practice or public body that runs services (HSDS organization).";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the organisation.");
        Field(o => o.Name).Description("The organisation's name.");
        Field(o => o.AlternateName, nullable: true).Description("Another name it is known by.");
        Field(o => o.Description, nullable: true).Description("What the organisation does.");
        Field(o => o.Email, nullable: true).Description("General email address.");
        Field(o => o.Website, nullable: true).Description("Website address.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PhoneGraphType>>>>("phones")
            .Description("General phone numbers.")
            .Resolve(ctx => ctx.Loaders().PhonesOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServiceGraphType>>>>("services")
            .Description("The organisation's listed services (not inactive or defunct ones), by name.")
            .Resolve(ctx => ctx.Loaders().ServicesOf(ctx.Source));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LocationGraphType>>>>("locations")
            .Description("The organisation's locations.")
            .Resolve(ctx => ctx.Loaders().LocationsOf(ctx.Source));
    }
}
