using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class PhoneGraphType : ObjectGraphType<Phone>
{
    public PhoneGraphType()
    {
        Name = "Phone";
        Description = "A telephone number (HSDS phone).";
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the phone record.");
        Field(p => p.Number).Description("The number as it is dialled in the UK, e.g. \"01632 960123\".");
        Field(p => p.Extension, nullable: true).Description("Extension, if any.");
        Field(p => p.Type, nullable: true).Description("voice, text, fax, textphone, video or sms.");
        Field(p => p.Description, nullable: true).Description("What the number is for, e.g. \"Helpline\".");
    }
}
