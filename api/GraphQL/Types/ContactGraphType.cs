using GraphQL.Types;
using Signpost.GraphQL.Loading;

namespace Signpost.GraphQL.Types;

public sealed class ContactGraphType : ObjectGraphType<Contact>
{
    public ContactGraphType()
    {
        Name = "Contact";
        Description = "A named person or role to contact about a service (HSDS contact).";
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the contact.");
        Field(c => c.Name, nullable: true).Description("The person's name.");
        Field(c => c.Title, nullable: true).Description("Their role, e.g. \"Volunteer coordinator\".");
        Field(c => c.Department, nullable: true).Description("Their team or department.");
        Field(c => c.Email, nullable: true).Description("Their email address.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PhoneGraphType>>>>("phones")
            .Description("Their phone numbers.")
            .Resolve(ctx => ctx.Loaders().PhonesOf(ctx.Source));
    }
}
